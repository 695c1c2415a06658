package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Puts instability verdicts into sentences with their evidence. */
final class InstabilityFindings {
    /** Spikes are listed as marks up to this many per trial; the count says how many there were. */
    static final int MAX_MARKS = 50;

    private InstabilityFindings() {
    }

    static List<Finding> of(List<TrialStability> trials, OptionalDouble unstableBase, Optional<Trial> reference,
                            InstabilityRule.Settings settings) {
        List<Finding> findings = new ArrayList<>();
        for (TrialStability trial : trials) {
            if (trial.unstable()) {
                findings.add(unstableTrial(trial, settings));
            }
        }
        if (unstableBase.isPresent()) {
            List<String> runs = trials.stream().filter(TrialStability::unstable).map(TrialStability::run).toList();
            double stableBelow = trials.stream().filter(t -> t.stable()
                    && t.learningRate() < unstableBase.getAsDouble()).mapToDouble(TrialStability::learningRate)
                    .max().orElse(Double.NaN);
            Map<String, Double> numbers = new LinkedHashMap<>();
            numbers.put("unstable_base_lr", unstableBase.getAsDouble());
            numbers.put("largest_stable_lr_below", stableBelow);
            // Run with several seeds, one unstable seed makes the rate unstable; the tally says how clear-cut it is.
            SeedVotes.Tally atBase = SeedVotes.bySetting(trials.stream().filter(t -> LearningRates.same(
                    t.learningRate(), unstableBase.getAsDouble())).toList(), t -> 0, TrialStability::unstable).getOrDefault(0, new SeedVotes.Tally(0, 0));
            String seeds = atBase.total() > 1 ? ", unstable in " + atBase.phrase() : "";
            findings.add(new Finding(InstabilityRule.RULE, Severity.INFO, "unstable_base_lr = "
                    + Text.number(unstableBase.getAsDouble()) + ": the smallest learning rate above lr* with an"
                    + " unstable trial" + (Double.isNaN(stableBelow) ? seeds + "." : " (stable up to "
                    + Text.number(stableBelow) + seeds + ")."), new Evidence(runs, List.of(), numbers)));
        } else if (!trials.isEmpty() && trials.stream().allMatch(TrialStability::stable)) {
            findings.add(new Finding(InstabilityRule.RULE, Severity.INFO, "No trial shows instability (no NaN/Inf,"
                    + " blow-up, sustained rise, early jump, spike, or plateau above the reference).",
                    new Evidence(trials.stream().map(TrialStability::run).toList(), List.of(), Map.of())));
        }
        reference.ifPresent(r -> trials.stream().filter(t -> t.unstable() && t.learningRate() <= r.learningRate())
                .findFirst().ifPresent(t -> findings.add(new Finding(InstabilityRule.RULE, Severity.INFO,
                        "Instability at or below lr* (" + Text.number(t.learningRate()) + ") is unusual: check the"
                                + " run (a bad seed, a data problem); it does not set unstable_base_lr.",
                        new Evidence(List.of(t.run()), List.of(), Map.of("lr", t.learningRate()))))));
        return findings;
    }

    /** "lr 0.316 is unstable from step 31: the train loss diverged to NaN/Inf at step 47 (...)". */
    static Finding unstableTrial(TrialStability trial, InstabilityRule.Settings settings) {
        InstabilitySign main = trial.mainSign().orElseThrow();
        long onset = trial.onsetStep().orElseThrow();
        StringBuilder message = new StringBuilder(TrialText.describe(trial)).append(" is unstable from step ")
                .append(onset).append(": the ").append(main.tag()).append(' ').append(main.kind().phrase())
                .append(detail(main, settings, trial));
        trial.signs().stream().filter(s -> s.kind() != main.kind() && s.kind() != InstabilityKind.SPIKE)
                .map(s -> s.kind().phrase() + " at step " + s.step()).reduce((a, b) -> a + ", " + b)
                .ifPresent(others -> message.append("; also ").append(others));
        long spikes = trial.signs().stream().filter(s -> s.kind() == InstabilityKind.SPIKE).count();
        if (spikes > 0 && main.kind() != InstabilityKind.SPIKE) {
            message.append("; ").append(spikes).append(spikes == 1 ? " spike" : " spikes");
        } else if (spikes > 1) {
            message.append(" (").append(spikes).append(" spikes in all)");
        }
        message.append('.');
        List<Mark> marks = new ArrayList<>();
        marks.add(Mark.point(trial.run(), main.tag(), onset, Double.NaN));
        trial.signs().stream().limit(MAX_MARKS).map(s -> Mark.point(trial.run(), s.tag(), s.step(), s.value()))
                .forEach(marks::add);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("lr", trial.learningRate());
        numbers.put("onset_step", (double) onset);
        numbers.put("first_unstable_step", (double) onset);
        numbers.put("signs", (double) trial.signs().size());
        return new Finding(InstabilityRule.RULE, Severity.WARNING, message.toString(),
                new Evidence(List.of(trial.run()), marks, numbers));
    }

    private static String detail(InstabilitySign sign, InstabilityRule.Settings settings, TrialStability trial) {
        String where = sign.step() == sign.onset() ? "" : " at step " + sign.step();
        return switch (sign.kind()) {
            case EXPLOSION -> " to " + Text.number(sign.value()) + where + ", over "
                    + Text.number(settings.explosionFactor()) + "x its starting level";
            case SPIKE -> " to " + Text.number(sign.value()) + where;
            case SUSTAINED_RISE -> " to " + Text.number(sign.value()) + where + ", over "
                    + Text.percent(settings.riseFraction()) + " of what it had learned above its best";
            case EARLY_JUMP -> " to " + Text.number(sign.value()) + where;
            case PLATEAU -> " at " + Text.number(sign.value()) + ", far above "
                    + trial.reference().map(r -> r).orElse("the reference") + " at the same steps, and stopped"
                    + " improving";
            case DIVERGENCE -> where;
        };
    }
}
