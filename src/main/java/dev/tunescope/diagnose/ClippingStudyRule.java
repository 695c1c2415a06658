package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A clipping study (RULES.md §3): trials at one or more learning rates, each clipped at a threshold, beside an
 * unclipped twin. Per threshold: the share of steps clipped, measured on that trial (its logged clipped flags where
 * it logs them, else its gradient norms, logged before clipping, against its threshold), and whether it is stable.
 * A threshold rescues its rate when it is stable where the unclipped twin (in the study, or at the same rate in the
 * sweep it refers to) is not, it ran past the step where the twin's instability showed, and it does not end far
 * above the study's reference (as for warmup, see {@link WarmupAdvisor}). Of the thresholds that
 * rescue, the largest is the one to keep (it changes the fewest updates); one that clips more than half the updates
 * is a lower learning rate in disguise.
 */
public final class ClippingStudyRule {
    public static final String RULE = "clipping";

    /**
     * One trial of the study.
     *
     * @param threshold       empty for the unclipped twin
     * @param clippedFraction share of its steps clipped (0 for the twin; NaN when neither flags nor norms are logged)
     * @param measuredBy      "clipped flags", "gradient norms" or "" (twin, or not measured)
     * @param conclusive      stable and ran past the step where the unclipped twin's instability showed
     * @param farAbove        it ends far above the study's reference at equal steps: stable, but not trained
     */
    public record ClipTrial(String run, double learningRate, OptionalDouble threshold, double clippedFraction,
                            String measuredBy, boolean stable, boolean conclusive, boolean farAbove,
                            OptionalLong onsetStep) {
        /** Stable, long enough to tell, and trained as far as the reference. */
        public boolean rescues() {
            return stable && conclusive && !farAbove;
        }
    }

    /**
     * @param rescuedThreshold the largest threshold that rescued a rate, where one did
     */
    public record Verdict(List<ClipTrial> byThreshold, boolean rescued, OptionalDouble rescuedThreshold,
                          OptionalDouble rescuedLearningRate, List<Finding> findings) {
        public Verdict {
            byThreshold = List.copyOf(byThreshold);
            findings = List.copyOf(findings);
        }
    }

    private ClippingStudyRule() {
    }

    /**
     * @param trials the study's trials, judged
     * @param twins  unclipped trials of the sweep the study refers to, judged (used at rates the study has no twin)
     */
    public static Verdict assess(List<JudgedTrial> trials, List<JudgedTrial> twins, double farGap,
                                 ClippingAdvisor.Settings settings) {
        List<ClipTrial> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        List<Double> rates = trials.stream().map(j -> j.trial().learningRate()).distinct().sorted().toList();
        OptionalDouble best = OptionalDouble.empty();
        OptionalDouble bestRate = OptionalDouble.empty();
        boolean rescuedAny = false;
        for (double lr : rates) {
            List<JudgedTrial> atRate = trials.stream().filter(j -> LearningRates.same(j.trial().learningRate(), lr))
                    .toList();
            // With several seeds, one unstable unclipped seed makes the rate unstable: that seed is the twin.
            Comparator<JudgedTrial> unstableFirst = Comparator.comparing(j -> j.verdict().stable());
            Optional<JudgedTrial> twin = atRate.stream().filter(j -> j.trial().clipThreshold().isEmpty())
                    .min(unstableFirst).or(() -> twins.stream().filter(j -> j.trial().clipThreshold().isEmpty()
                            && LearningRates.same(j.trial().learningRate(), lr)).min(unstableFirst));
            List<ClipTrial> here = new ArrayList<>();
            twin.ifPresent(t -> here.add(new ClipTrial(t.trial().run(), lr, OptionalDouble.empty(), 0, "",
                    t.verdict().stable(), true, t.farAbove(farGap), t.verdict().onsetStep())));
            boolean twinUnstable = twin.map(t -> t.verdict().unstable()).orElse(false);
            atRate.stream().filter(j -> j.trial().clipThreshold().isPresent())
                    .sorted(Comparator.comparingDouble(j -> j.trial().clipThreshold().getAsDouble()))
                    .forEach(j -> here.add(row(j, twinUnstable ? twin.get().showsAt() : 0, farGap)));
            rows.addAll(here);
            List<ClipTrial> clipped = here.stream().filter(r -> r.threshold().isPresent()).toList();
            Map<Double, SeedVotes.Tally> votes = SeedVotes.bySetting(clipped, r -> r.threshold().getAsDouble(),
                    ClipTrial::rescues);
            Optional<ClipTrial> rescuer = clipped.stream().filter(r -> votes.get(r.threshold().getAsDouble())
                    .unanimous()).max(Comparator.comparingDouble(r -> r.threshold().getAsDouble()));
            boolean rescued = twinUnstable && rescuer.isPresent();
            if (rescued && (bestRate.isEmpty() || lr > bestRate.getAsDouble())) {
                best = rescuer.get().threshold();
                bestRate = OptionalDouble.of(lr);
            }
            rescuedAny |= rescued;
            findings.addAll(findingsAt(lr, here, twin, twinUnstable, rescuer, settings));
            votes.forEach((threshold, tally) -> {
                if (tally.split()) {
                    findings.add(new Finding(RULE, Severity.ADVICE, "At lr " + Text.number(lr) + ", clipping at "
                            + Text.number(threshold) + " rescued " + tally.phrase() + ": not a rescue, since the seeds"
                            + " disagree (a rescue must hold for every seed).", new Evidence(clipped.stream()
                            .filter(r -> r.threshold().getAsDouble() == threshold).map(ClipTrial::run).toList(),
                            List.of(), Map.of("lr", lr, "clip_threshold", threshold))));
                }
            });
        }
        return new Verdict(rows, rescuedAny, best, bestRate, findings);
    }

    private static ClipTrial row(JudgedTrial judged, long twinShowsAt, double farGap) {
        Trial trial = judged.trial();
        double threshold = trial.clipThreshold().getAsDouble();
        double fraction = Double.NaN;
        String measuredBy = "";
        if (trial.clipped().isPresent() && finiteMean(trial.clipped().get()).isPresent()) {
            fraction = finiteMean(trial.clipped().get()).getAsDouble();
            measuredBy = "clipped flags";
        } else if (trial.gradNorm().isPresent()) {
            fraction = ClippingAdvisor.fractionAbove(trial.gradNorm().get(), threshold);
            measuredBy = "gradient norms";
        }
        boolean conclusive = judged.verdict().stable() && judged.lastStep() >= twinShowsAt;
        return new ClipTrial(trial.run(), trial.learningRate(), OptionalDouble.of(threshold), fraction, measuredBy,
                judged.verdict().stable(), conclusive, judged.farAbove(farGap), judged.verdict().onsetStep());
    }

    private static OptionalDouble finiteMean(ScalarSeries flags) {
        double sum = 0;
        long n = 0;
        for (int i = 0; i < flags.size(); i++) {
            if (Double.isFinite(flags.value(i))) {
                sum += flags.value(i);
                n++;
            }
        }
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1, Math.max(0, sum / n)));
    }

    private static List<Finding> findingsAt(double lr, List<ClipTrial> rows, Optional<JudgedTrial> twin, boolean twinUnstable,
                                            Optional<ClipTrial> rescuer, ClippingAdvisor.Settings settings) {
        String rate = Text.number(lr);
        String table = rows.stream().map(ClippingStudyRule::describe).collect(Collectors.joining("; "));
        List<String> runs = rows.stream().map(ClipTrial::run).toList();
        List<Mark> marks = rows.stream().filter(r -> r.onsetStep().isPresent())
                .map(r -> Mark.point(r.run(), "train loss", r.onsetStep().getAsLong(), Double.NaN)).toList();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("lr", lr);
        rescuer.ifPresent(r -> numbers.put("threshold", r.threshold().getAsDouble()));
        Evidence evidence = new Evidence(runs, marks, numbers);
        List<Finding> findings = new ArrayList<>();
        if (twin.isPresent() && !twinUnstable) {
            findings.add(new Finding(RULE, Severity.INFO, "lr " + rate + " is stable without clipping (" + table
                    + "): clipping is not needed at this rate.", evidence));
        } else if (twinUnstable && rescuer.isPresent()) {
            ClipTrial r = rescuer.get();
            findings.add(new Finding(RULE, Severity.INFO, "Clipping at " + Text.number(r.threshold().getAsDouble())
                    + " rescues lr " + rate + ", the largest threshold that does (" + table + ").", evidence));
            if (r.clippedFraction() > settings.lowerLrWarningFraction()) {
                findings.add(new Finding(RULE, Severity.WARNING, "That threshold clips " + Text.percent(
                        r.clippedFraction()) + " of the updates: a lower learning rate in disguise; lower the"
                        + " learning rate instead.", evidence));
            }
        } else if (rows.stream().anyMatch(r -> r.threshold().isPresent() && r.rescues())) {
            findings.add(new Finding(RULE, Severity.INFO, "lr " + rate + " is stable with clipping (" + table
                    + "); no unclipped run at this rate shows whether clipping was needed.", evidence));
        } else if (rows.stream().anyMatch(r -> r.threshold().isPresent() && r.stable() && !r.conclusive())) {
            findings.add(new Finding(RULE, Severity.ADVICE, "Too short to tell at lr " + rate + ": the clipped trials"
                    + " that look stable ended before the unclipped run's instability showed (" + table + ").",
                    evidence));
        } else {
            findings.add(new Finding(RULE, Severity.WARNING, "No clipping threshold tried rescues lr " + rate + " ("
                    + table + ").", evidence));
        }
        return findings;
    }

    /** "no clipping: unstable from step 41", "clip 1.42: 72% of steps clipped, unstable from step 40". */
    private static String describe(ClipTrial row) {
        StringBuilder text = new StringBuilder(row.threshold().isEmpty() ? "no clipping"
                : "clip " + Text.number(row.threshold().getAsDouble()));
        if (row.threshold().isPresent() && Double.isFinite(row.clippedFraction())) {
            text.append(": ").append(Text.percent(row.clippedFraction())).append(" of steps clipped,");
        } else {
            text.append(':');
        }
        if (!row.stable()) {
            text.append(" unstable from step ").append(row.onsetStep().orElse(0));
        } else {
            text.append(!row.conclusive() ? " stable but too short" : row.farAbove()
                    ? " stable but ends far above the reference" : " stable");
        }
        return text.toString();
    }
}
