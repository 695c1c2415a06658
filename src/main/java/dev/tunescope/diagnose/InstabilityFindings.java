package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Puts {@link InstabilityRule}'s verdicts into sentences with their evidence. */
final class InstabilityFindings {
    /** Spikes are listed as marks up to this many per trial; the count says how many there were. */
    static final int MAX_MARKS = 50;

    private InstabilityFindings() {
    }

    static List<Finding> of(List<TrialStability> trials, OptionalDouble unstableBase,
                            InstabilityRule.Settings settings) {
        List<Finding> findings = new ArrayList<>();
        for (TrialStability trial : trials) {
            if (trial.unstable()) {
                findings.add(unstableTrial(trial, settings));
            }
        }
        if (unstableBase.isPresent()) {
            List<String> runs = trials.stream().filter(TrialStability::unstable).map(TrialStability::run).toList();
            double stableBelow = trials.stream().filter(t -> !t.unstable()
                    && t.learningRate() < unstableBase.getAsDouble()).mapToDouble(TrialStability::learningRate)
                    .max().orElse(Double.NaN);
            Map<String, Double> numbers = new LinkedHashMap<>();
            numbers.put("unstable_base_lr", unstableBase.getAsDouble());
            numbers.put("largest_stable_lr_below", stableBelow);
            Evidence evidence = new Evidence(runs, List.of(), numbers);
            findings.add(new Finding(InstabilityRule.RULE, Severity.INFO, "unstable_base_lr = "
                    + Text.number(unstableBase.getAsDouble()) + ": the smallest learning rate with an unstable"
                    + " trial" + (Double.isNaN(stableBelow) ? "." : " (stable up to " + Text.number(stableBelow)
                    + ")."), evidence));
            findings.add(new Finding(InstabilityRule.RULE, Severity.ADVICE, "To train at these learning rates, try"
                    + " in this order: learning-rate warmup, gradient clipping, a different optimizer (Adam over"
                    + " momentum), architecture changes (residual connections, Pre-LN normalization), and only"
                    + " last a lower learning rate.", evidence));
        } else if (!trials.isEmpty()) {
            findings.add(new Finding(InstabilityRule.RULE, Severity.INFO, "No trial shows instability (no NaN/Inf,"
                    + " blow-up, spike, sustained rise or plateau).", new Evidence(trials.stream()
                    .map(TrialStability::run).toList(), List.of(), Map.of())));
        }
        return findings;
    }

    private static Finding unstableTrial(TrialStability trial, InstabilityRule.Settings settings) {
        InstabilitySign first = trial.firstSign().orElseThrow();
        StringBuilder message = new StringBuilder("lr " + Text.number(trial.learningRate()));
        if (trial.warmupSteps() > 0) {
            message.append(" with ").append(trial.warmupSteps()).append(" warmup steps");
        }
        message.append(" is unstable from step ").append(first.step()).append(": the ").append(first.tag())
                .append(' ').append(first.kind().phrase()).append(detail(first, settings));
        trial.signs().stream().filter(s -> s.kind() == InstabilityKind.DIVERGENCE && s != first).findFirst()
                .ifPresent(d -> message.append(", then the ").append(d.tag()).append(" diverged to NaN/Inf at step ")
                        .append(d.step()));
        long spikes = trial.signs().stream().filter(s -> s.kind() == InstabilityKind.SPIKE).count();
        if (spikes > 1) {
            message.append(" (").append(spikes).append(" spikes in all)");
        }
        message.append('.');
        List<Mark> marks = trial.signs().stream().limit(MAX_MARKS)
                .map(s -> Mark.point(trial.run(), s.tag(), s.step(), s.value())).toList();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("lr", trial.learningRate());
        numbers.put("first_unstable_step", (double) first.step());
        numbers.put("signs", (double) trial.signs().size());
        return new Finding(InstabilityRule.RULE, Severity.WARNING, message.toString(),
                new Evidence(List.of(trial.run()), marks, numbers));
    }

    private static String detail(InstabilitySign sign, InstabilityRule.Settings settings) {
        return switch (sign.kind()) {
            case EXPLOSION -> " to " + Text.number(sign.value()) + ", over " + Text.number(
                    settings.explosionFactor()) + "x its starting level";
            case SPIKE -> " to " + Text.number(sign.value());
            case SUSTAINED_RISE -> " to " + Text.number(sign.value()) + ", over " + Text.number(
                    1 + settings.riseFactor()) + "x its best";
            case PLATEAU -> " at " + Text.number(sign.value()) + ", over " + Text.number(
                    settings.plateauFactor()) + "x what smaller stable learning rates end at";
            case DIVERGENCE -> "";
        };
    }
}
