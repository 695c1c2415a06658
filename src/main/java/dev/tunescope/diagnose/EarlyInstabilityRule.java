package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The early-instability probe (RULES.md §1): a run of about 500 steps at 2 x lr*, evaluated every step. If its
 * loss jumps in those first steps, the workload is unstable early in training, and warmup is the fix. A sweep
 * with unstable trials and no probe is told to run one.
 */
public final class EarlyInstabilityRule {
    public static final String RULE = "early-instability";

    /**
     * @param earlySteps       how many steps from the start count as "early"
     * @param probeMultiplier  the probe's learning rate, in multiples of lr*
     * @param tolerance        how far the probe's learning rate may be from that, relatively, before a note
     */
    public record Settings(long earlySteps, double probeMultiplier, double tolerance) {
        public static final Settings DEFAULTS = new Settings(500, 2, 0.1);
    }

    /** The verdict on a probe run, with its early signs of instability. */
    public record ProbeVerdict(String run, double learningRate, boolean unstableEarly,
                               List<InstabilitySign> earlySigns, List<Finding> findings) {
    }

    private EarlyInstabilityRule() {
    }

    public static ProbeVerdict assess(Trial probe, Optional<Double> lrStar, Settings settings,
                                      InstabilityRule.Settings instability) {
        return assess(probe, lrStar, settings, new StabilityJudge(instability));
    }

    static ProbeVerdict assess(Trial probe, Optional<Double> lrStar, Settings settings, StabilityJudge judge) {
        long start = probe.trainLoss().firstStep();
        long until = start + settings.earlySteps();
        List<InstabilitySign> early = judge.ownSigns(probe, until).stream().filter(s -> s.step() < until)
                .sorted(java.util.Comparator.comparingLong(InstabilitySign::onset)).toList();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("lr", probe.learningRate());
        numbers.put("early_steps", (double) settings.earlySteps());
        lrStar.ifPresent(v -> numbers.put("lr_star", v));
        List<Mark> marks = early.stream().limit(InstabilityFindings.MAX_MARKS)
                .map(s -> Mark.point(probe.run(), s.tag(), s.step(), s.value())).toList();
        Evidence evidence = new Evidence(List.of(probe.run()), marks, numbers);
        String lr = Text.number(probe.learningRate());
        Finding verdict = early.isEmpty()
                ? new Finding(RULE, Severity.INFO, "The probe at lr " + lr + " is stable in its first "
                        + settings.earlySteps() + " steps: no early instability, so warmup is not what this workload"
                        + " needs; look at clipping and the optimizer.", evidence)
                : new Finding(RULE, Severity.ADVICE, "The probe at lr " + lr + " is unstable early (the "
                        + early.get(0).tag() + " " + early.get(0).kind().phrase() + " at step " + early.get(0).step()
                        + "): learning-rate warmup should fix this.", evidence);
        List<Finding> findings = new ArrayList<>(List.of(verdict));
        lrStar.filter(v -> Math.abs(probe.learningRate() / (settings.probeMultiplier() * v) - 1) > settings.tolerance())
                .ifPresent(v -> findings.add(new Finding(RULE, Severity.ADVICE, "The probe ran at lr " + lr + ", not at "
                        + Text.number(settings.probeMultiplier()) + " x lr* = " + Text.number(
                        settings.probeMultiplier() * v) + " as the playbook's probe does.", evidence)));
        return new ProbeVerdict(probe.run(), probe.learningRate(), !early.isEmpty(), early, findings);
    }

    /** The probe to run, for a sweep with unstable trials and none yet. */
    public static Finding propose(double lrStar, String sweep, Settings settings) {
        double lr = settings.probeMultiplier() * lrStar;
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("lr_star", lrStar);
        numbers.put("probe_lr", lr);
        numbers.put("probe_steps", (double) settings.earlySteps());
        return new Finding(RULE, Severity.ADVICE, "Early-instability probe to run: lr " + Text.number(lr) + " ("
                + Text.number(settings.probeMultiplier()) + " x lr*) for about " + settings.earlySteps()
                + " steps, evaluating every step (tunescope study instability-probe --from " + sweep + "): a loss that"
                + " jumps early means warmup is the fix.", new Evidence(List.of(), List.of(), numbers));
    }
}
