package dev.tunescope.study;

import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.WarmupAdvisor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plans the playbook's studies (RULES.md §1, §2, §3, §4, §5). Each method returns the trials; where the values
 * come from a diagnosis, the caller passes them in (see {@link StudyFromDiagnosis}).
 */
public final class StudyPlanner {
    private StudyPlanner() {
    }

    /** {@code count} learning rates spaced evenly on a log axis from {@code minLr} to {@code maxLr}, constant LR. */
    public static StudyPlan lrSweep(Map<String, Object> workload, double minLr, double maxLr, int count, long steps) {
        if (!(minLr > 0) || !(maxLr >= minLr) || count < 1) {
            throw new IllegalArgumentException("an LR sweep needs 0 < min <= max and at least one rate");
        }
        List<TrialPlan> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double lr = roundToThreeDigits(count == 1 ? minLr : minLr * Math.pow(maxLr / minLr, (double) i / (count - 1)));
            trials.add(new TrialPlan(TrialNames.lr(lr), Map.of("lr", lr, "steps", steps)));
        }
        return new StudyPlan(StudyKind.LR_SWEEP, workload, trials, count + " learning rates from " + Text.number(minLr)
                + " to " + Text.number(maxLr) + ", log-spaced, constant schedule, " + steps + " steps each");
    }

    /** 0.0031622776 -> 0.00316: the rates people write, and what the trial names show. */
    static double roundToThreeDigits(double value) {
        return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).doubleValue();
    }

    /** The early-instability probe: one run at 2 x lr*, evaluated every step. */
    public static StudyPlan instabilityProbe(Map<String, Object> workload, double lrStar, long steps) {
        double lr = 2 * lrStar;
        return new StudyPlan(StudyKind.INSTABILITY_PROBE, workload, List.of(new TrialPlan("probe_" + TrialNames.lr(lr),
                Map.of("lr", lr, "steps", steps, "eval_every", 1))), "2 x lr* = " + lr + ", " + steps
                + " steps, eval every step");
    }

    /**
     * The warmup study the playbook prescribes for a workload unstable from {@code unstableBaseLr}: its target is
     * {@code settings.baseLrMultiplier()} times that rate (10 by default; 1 studies the unstable rate itself).
     * {@code showsAt} is the step where the unstable trial's instability showed (0 when unknown): each trial runs
     * at least that long after its warmup, or a rescue could not be told from a run that stopped too early.
     */
    public static StudyPlan warmup(Map<String, Object> workload, double unstableBaseLr, long maxTrainSteps,
                                   long showsAt, WarmupAdvisor.Settings settings) {
        WarmupAdvisor.StudyPlan plan = WarmupAdvisor.propose(unstableBaseLr, maxTrainSteps, showsAt, settings).plan()
                .orElseThrow();
        if (plan.warmupSteps().isEmpty()) {
            throw new IllegalArgumentException("max_train_steps " + maxTrainSteps + " leaves no room for warmup");
        }
        List<TrialPlan> trials = new ArrayList<>();
        for (int i = 0; i < plan.warmupSteps().size(); i++) {
            long warmup = plan.warmupSteps().get(i);
            long steps = warmup + plan.postWarmupSteps().get(i);
            double baseLr = roundToThreeDigits(plan.baseLr());
            trials.add(new TrialPlan(TrialNames.lr(baseLr) + "_warmup_" + warmup,
                    Map.of("lr", baseLr, "warmup_steps", warmup, "steps", steps)));
        }
        return new StudyPlan(StudyKind.WARMUP, workload, trials, "base_lr = " + Text.number(settings.baseLrMultiplier())
                + " x unstable_base_lr " + Text.number(unstableBaseLr) + ", warmup " + plan.warmupSteps()
                + ", then 2 x warmup at base_lr");
    }

    /** Clipping at each threshold, at one learning rate, plus the unclipped twin. */
    public static StudyPlan clip(Map<String, Object> workload, double lr, List<Double> thresholds, long steps) {
        List<TrialPlan> trials = new ArrayList<>();
        trials.add(new TrialPlan(TrialNames.lr(lr) + "_noclip", Map.of("lr", lr, "steps", steps)));
        for (double threshold : thresholds) {
            trials.add(new TrialPlan(TrialNames.lr(lr) + "_clip_" + TrialNames.number(threshold),
                    Map.of("lr", lr, "clip", threshold, "steps", steps)));
        }
        return new StudyPlan(StudyKind.CLIP, workload, trials, "clip thresholds " + thresholds + " at lr "
                + Text.number(lr));
    }

    /** The arms of a verification run: trial names start with one of these. */
    public static final String CONSTANT_ARM = dev.tunescope.diagnose.VerificationVerdict.CONSTANT_ARM;
    public static final String RECOMMENDED_ARM = dev.tunescope.diagnose.VerificationVerdict.RECOMMENDED_ARM;

    /**
     * A verification run: the recommended settings beside the sweep's best constant learning rate (no warmup, no
     * clipping), same steps; seeds are added with {@link StudyPlan#withSeeds}.
     */
    public static StudyPlan verification(Map<String, Object> workload, double constantLr, double recommendedLr,
                                         long warmup, java.util.OptionalDouble clip, long steps) {
        Map<String, Number> recommended = new java.util.LinkedHashMap<>(Map.of("lr", recommendedLr, "steps", steps));
        if (warmup > 0) {
            recommended.put("warmup_steps", warmup);
        }
        clip.ifPresent(c -> recommended.put("clip", c));
        List<TrialPlan> trials = List.of(new TrialPlan(CONSTANT_ARM, Map.of("lr", constantLr, "steps", steps)),
                new TrialPlan(RECOMMENDED_ARM, recommended));
        return new StudyPlan(StudyKind.VERIFY, workload, trials, "the recommended config (lr " + Text.number(recommendedLr)
                + (warmup > 0 ? ", warmup " + warmup : "") + (clip.isPresent() ? ", clip " + Text.number(clip.getAsDouble())
                : "") + ") against the best constant lr " + Text.number(constantLr) + ", " + steps + " steps each");
    }

    /** Runs at one learning rate for several lengths, for the retrospective best-step analysis. */
    public static StudyPlan steps(Map<String, Object> workload, double lr, List<Long> lengths) {
        List<TrialPlan> trials = lengths.stream().map(n -> new TrialPlan(TrialNames.lr(lr) + "_steps_" + n,
                Map.<String, Number>of("lr", lr, "steps", n))).toList();
        return new StudyPlan(StudyKind.STEPS, workload, trials, "lr " + lr + " for " + lengths + " steps");
    }

    /** Batch sizes doubling from {@code first} to {@code last}, each measured for {@code steps} steps. */
    public static StudyPlan batchProbe(Map<String, Object> workload, double lr, int first, int last, long steps) {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("a batch probe needs 1 <= first <= last");
        }
        List<TrialPlan> trials = new ArrayList<>();
        for (long batch = first; batch <= last; batch *= 2) {
            trials.add(new TrialPlan("batch_" + batch, Map.of("lr", lr, "batch_size", batch, "steps", steps)));
        }
        return new StudyPlan(StudyKind.BATCH_PROBE, workload, trials, "batch sizes doubling from " + first
                + " until out of memory or " + last + ", " + steps + " steps each");
    }
}
