package dev.tunescope.study;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.Percentiles;
import dev.tunescope.diagnose.Trial;
import dev.tunescope.diagnose.WarmupAdvisor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The studies a diagnosis proposes, planned from a sweep's diagnosis (made by the workspace pipeline with the
 * settings in force): the probe at 2 x lr*, the warmup study from unstable_base_lr, the clipping study around the
 * lr* run's gradient-norm percentiles, and run-length runs at lr*.
 */
public final class StudyFromDiagnosis {
    /** Percentiles of the lr* run's gradient norms a clipping study tries (the playbook's default is the 90th). */
    static final List<Double> CLIP_PERCENTILES = List.of(50.0, 75.0, 90.0, 99.0);

    private final Diagnosis diagnosis;
    private final Path sweepDir;
    private final WarmupAdvisor.Settings warmupSettings;

    private StudyFromDiagnosis(Path sweepDir, Diagnosis diagnosis, WarmupAdvisor.Settings warmupSettings) {
        this.sweepDir = sweepDir;
        this.diagnosis = diagnosis;
        this.warmupSettings = warmupSettings;
    }

    /**
     * @param sweepDir  the sweep's folder, recorded as the plan's {@code from}
     * @param diagnosis the sweep's diagnosis
     * @param settings  the settings it was made with (the warmup study's limits come from them)
     */
    public static StudyFromDiagnosis of(Path sweepDir, Diagnosis diagnosis, DiagnosisSettings settings) {
        return new StudyFromDiagnosis(sweepDir, diagnosis, settings.warmup());
    }

    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /**
     * @param warmupMultiplier the warmup study's target in multiples of unstable_base_lr (the playbook's 10)
     * @param maxTrainSteps    the run length to plan for, or 0 for the sweep's own
     */
    public StudyPlan plan(StudyKind kind, Map<String, Object> workload, long probeSteps, double warmupMultiplier,
                          long maxTrainSteps) {
        return planned(kind, workload, probeSteps, warmupMultiplier, maxTrainSteps).from(sweepDir);
    }

    private StudyPlan planned(StudyKind kind, Map<String, Object> workload, long probeSteps, double warmupMultiplier,
                              long maxTrainSteps) {
        long steps = maxTrainSteps > 0 ? maxTrainSteps : diagnosis.maxTrainSteps();
        WarmupAdvisor.Settings warmup = new WarmupAdvisor.Settings(warmupMultiplier, warmupSettings.maxWarmupShare(),
                warmupSettings.warningShare(), warmupSettings.postWarmupFactor(), warmupSettings.smallestWarmup());
        return switch (kind) {
            case INSTABILITY_PROBE -> StudyPlanner.instabilityProbe(workload, lrStar().value(), probeSteps);
            case WARMUP -> StudyPlanner.warmup(workload, diagnosis.instability()
                    .flatMap(r -> r.unstableBaseLr().isPresent() ? java.util.Optional.of(r.unstableBaseLr()
                            .getAsDouble()) : java.util.Optional.empty())
                    .orElseThrow(() -> new IllegalStateException("no trial of " + sweepDir + " is unstable, so there"
                            + " is no unstable_base_lr to plan a warmup study from")),
                    steps, instabilityShowsAt(), warmup);
            case CLIP -> StudyPlanner.clip(workload, StudyPlanner.roundToThreeDigits(clipLearningRate()), clipThresholds(),
                    steps);
            case STEPS -> StudyPlanner.steps(workload, lrStar().value(), List.of(steps, 2 * steps, 4 * steps));
            case LR_SWEEP, BATCH_PROBE -> throw new IllegalArgumentException(kind.id()
                    + " is planned from its own settings, not from a diagnosis");
            case VERIFY -> throw new IllegalArgumentException("a verification run is planned from a config: use"
                    + " tunescope verify");
        };
    }

    /**
     * Where the unstable trials at unstable_base_lr first showed their instability (the earliest one), as the
     * diagnosis' own warmup proposal counts it, so the planned study is the one the finding describes.
     */
    private long instabilityShowsAt() {
        return diagnosis.instability().map(r -> {
            double lr = r.unstableBaseLr().orElse(Double.NaN);
            return r.unstable().stream().filter(t -> dev.tunescope.diagnose.LearningRates.same(t.learningRate(), lr))
                    .mapToLong(t -> t.mainSign().map(dev.tunescope.diagnose.InstabilitySign::step).orElse(0L))
                    .min().orElse(0);
        }).orElse(0L);
    }

    private LrStarRule.LrStar lrStar() {
        return diagnosis.lrStar().orElseThrow(() -> new IllegalStateException("no lr* could be found in " + sweepDir
                + ": it needs trials with a train loss and a learning rate"));
    }

    /** The smallest unstable rate, to see whether clipping makes it trainable; lr* when nothing was unstable. */
    private double clipLearningRate() {
        return diagnosis.instability().flatMap(r -> r.unstableBaseLr().isPresent()
                ? java.util.Optional.of(r.unstableBaseLr().getAsDouble()) : java.util.Optional.empty())
                .orElse(lrStar().value());
    }

    private List<Double> clipThresholds() {
        Trial star = diagnosis.sweep().stream().filter(t -> t.run().equals(lrStar().run())).findFirst().orElseThrow();
        double[] norms = star.gradNorm().orElseThrow(() -> new IllegalStateException("the lr* run " + star.run()
                + " logged no gradient norm to plan clipping thresholds from")).valuesCopy();
        return CLIP_PERCENTILES.stream().map(p -> Percentiles.linear(norms, p)).filter(Double::isFinite)
                .map(v -> Math.round(v * 1000) / 1000.0).distinct().toList();
    }
}
