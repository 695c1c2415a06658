package dev.tunescope.diagnose;

import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.Study;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs every rule that has its inputs, in the playbook's order: lr* and instability from the LR sweep, the
 * early-instability probe, warmup (from a warmup study, else the study to run), clipping (from the lr* run's
 * gradient norms), run length (from the stable sweep trials) and batch size (from a batch probe).
 */
public final class Diagnoser {
    static final Set<String> MAX_STEPS_NAMES = Set.of("max_train_steps", "max_steps", "total_steps", "train_steps");
    static final Set<String> BATCH_NAMES = Set.of("batch_size", "batch", "bs");
    static final Set<String> OOM_NAMES = Set.of("out_of_memory", "oom");

    private Diagnoser() {
    }

    /** A diagnosis and the LR sweep it is centred on ("" when the runs hold no sweep study). */
    public record StudyDiagnosis(String sweep, Diagnosis diagnosis) {
    }

    /**
     * One diagnosis per LR sweep study (kind {@code lr-sweep}), each with the studies planned from that sweep and
     * any batch probe; when there is no sweep study, one diagnosis of all the runs, sorted into roles by
     * {@link #diagnose}. Two sweeps are never pooled: a Post-LN and a Pre-LN sweep side by side are two answers.
     */
    public static List<StudyDiagnosis> diagnoseEach(List<Study> studies, DiagnosisSettings settings) {
        List<Study> sweeps = studies.stream().filter(s -> s.kind().equals(Optional.of(StudyRoles.LR_SWEEP))).toList();
        if (sweeps.isEmpty()) {
            return List.of(new StudyDiagnosis("", diagnose(studies, settings)));
        }
        List<StudyDiagnosis> out = new ArrayList<>();
        for (Study sweep : sweeps) {
            List<Study> related = new ArrayList<>(List.of(sweep));
            studies.stream().filter(s -> s.basedOn().equals(Optional.of(sweep.path()))
                    || s.kind().equals(Optional.of(StudyRoles.BATCH))).forEach(related::add);
            out.add(new StudyDiagnosis(sweep.path(), diagnose(related, settings)));
        }
        return out;
    }

    public static Diagnosis diagnose(List<Study> studies, DiagnosisSettings settings) {
        StudyRoles roles = StudyRoles.of(studies, settings);
        List<Finding> findings = new ArrayList<>();

        Optional<LrStarRule.LrStar> lrStar = LrStarRule.find(roles.sweep(), settings.lrStar());
        lrStar.ifPresent(s -> findings.addAll(s.findings()));
        OptionalDouble lrStarValue = lrStar.map(s -> OptionalDouble.of(s.value())).orElse(OptionalDouble.empty());
        Optional<InstabilityRule.Result> instability = roles.sweep().isEmpty() ? Optional.empty()
                : Optional.of(InstabilityRule.assess(roles.sweep(), lrStarValue, settings.instability()));
        instability.ifPresent(r -> findings.addAll(r.findings()));
        long maxTrainSteps = maxTrainSteps(studies, roles, instability);

        Optional<EarlyInstabilityRule.ProbeVerdict> probe = roles.probes().stream().findFirst()
                .map(p -> EarlyInstabilityRule.assess(p, lrStar.map(LrStarRule.LrStar::value), settings.probe(),
                        settings.instability()));
        probe.ifPresent(p -> findings.addAll(p.findings()));

        Optional<WarmupAdvisor.WarmupAdvice> warmup = warmup(roles, instability, lrStarValue, maxTrainSteps, settings);
        warmup.ifPresent(w -> findings.addAll(w.findings()));

        Optional<ClippingAdvice> clipping = clippingRun(roles, lrStar).flatMap(t -> ClippingAdvisor.advise(t.run(),
                t.gradNorm().get().tag(), t.gradNorm().get(), settings.clipping()));
        clipping.ifPresent(c -> findings.addAll(c.findings()));

        List<Trial> stable = stableSweepTrials(roles, instability);
        Optional<StepsAdvice> steps = stable.isEmpty() ? Optional.empty()
                : Optional.of(StepsAdvisor.advise(stable, settings.steps()));
        steps.ifPresent(s -> findings.addAll(s.findings()));

        Optional<BatchAdvice> batch = batch(roles.batchProbe(), settings);
        batch.ifPresent(b -> findings.addAll(b.findings()));

        return new Diagnosis(lrStar, instability, probe, warmup, clipping, steps, batch, maxTrainSteps, roles.sweep(),
                findings);
    }

    /**
     * A warmup study's trials are judged together with the sweep's smaller learning rates, so that a warmup that
     * only reaches a plateau far above them counts as unstable (the sweep's trials are references, not verdicts).
     */
    private static Optional<WarmupAdvisor.WarmupAdvice> warmup(StudyRoles roles,
                                                               Optional<InstabilityRule.Result> instability,
                                                               OptionalDouble lrStar, long maxTrainSteps,
                                                               DiagnosisSettings settings) {
        if (!roles.warmup().isEmpty()) {
            List<Trial> study = new ArrayList<>(roles.warmup());
            double target = study.stream().mapToDouble(Trial::learningRate).max().orElseThrow();
            roles.sweep().stream().filter(t -> t.learningRate() == target).forEach(study::add); // the no-warmup twin
            List<Trial> judged = new ArrayList<>(study);
            roles.sweep().stream().filter(t -> t.learningRate() < target).forEach(judged::add);
            Set<String> studyRuns = study.stream().map(Trial::run).collect(Collectors.toSet());
            List<TrialStability> verdicts = InstabilityRule.assess(judged, lrStar, settings.instability()).trials()
                    .stream().filter(t -> studyRuns.contains(t.run())).toList();
            return Optional.of(WarmupAdvisor.fromStudy(verdicts, maxTrainSteps, settings.warmup()));
        }
        return instability.flatMap(r -> r.unstableBaseLr().isPresent()
                ? Optional.of(WarmupAdvisor.propose(r.unstableBaseLr().getAsDouble(), maxTrainSteps, settings.warmup()))
                : Optional.empty());
    }

    /** The lr* run when it logged gradient norms, else the only trial, else the best-ranked trial with them. */
    private static Optional<Trial> clippingRun(StudyRoles roles, Optional<LrStarRule.LrStar> lrStar) {
        List<Trial> candidates = new ArrayList<>(roles.sweep());
        candidates.addAll(roles.warmup());
        List<Trial> withNorms = candidates.stream().filter(t -> t.gradNorm().isPresent()).toList();
        if (lrStar.isPresent()) {
            Optional<Trial> star = withNorms.stream().filter(t -> t.run().equals(lrStar.get().run())).findFirst();
            if (star.isPresent()) {
                return star;
            }
            for (LrStarRule.RankedTrial ranked : lrStar.get().ranking()) {
                Optional<Trial> trial = withNorms.stream().filter(t -> t.run().equals(ranked.run())).findFirst();
                if (trial.isPresent()) {
                    return trial;
                }
            }
        }
        return withNorms.size() == 1 ? Optional.of(withNorms.get(0)) : Optional.empty();
    }

    private static List<Trial> stableSweepTrials(StudyRoles roles, Optional<InstabilityRule.Result> instability) {
        Set<String> unstable = instability.map(r -> r.unstable().stream().map(TrialStability::run)
                .collect(Collectors.toSet())).orElse(Set.of());
        return roles.sweep().stream().filter(t -> !unstable.contains(t.run())).toList();
    }

    /** A max_train_steps hyperparameter of any run, else the longest stable sweep trial, else the longest trial. */
    static long maxTrainSteps(List<Study> studies, StudyRoles roles, Optional<InstabilityRule.Result> instability) {
        Optional<Double> declared = studies.stream().flatMap(s -> s.runs().stream())
                .flatMap(run -> MAX_STEPS_NAMES.stream().map(name -> run.hyperparameters().number(name)))
                .flatMap(Optional::stream).filter(v -> v > 0).max(Comparator.naturalOrder());
        if (declared.isPresent()) {
            return Math.round(declared.get());
        }
        List<Trial> stable = stableSweepTrials(roles, instability);
        List<Trial> pool = stable.isEmpty() ? new ArrayList<>(roles.sweep()) : stable;
        if (pool.isEmpty()) {
            pool.addAll(roles.warmup());
        }
        return pool.stream().mapToLong(t -> t.trainLoss().lastStep()).max().orElse(0);
    }

    /** Throughput per batch size from a batch probe: the median examples/s of each run, and the out-of-memory size. */
    private static Optional<BatchAdvice> batch(List<Run> runs, DiagnosisSettings settings) {
        List<ThroughputPoint> points = new ArrayList<>();
        OptionalInt oom = OptionalInt.empty();
        for (Run run : runs) {
            Optional<Double> batchSize = BATCH_NAMES.stream().map(n -> run.hyperparameters().number(n))
                    .flatMap(Optional::stream).findFirst();
            if (batchSize.isEmpty()) {
                continue;
            }
            int size = (int) Math.round(batchSize.get());
            boolean outOfMemory = OOM_NAMES.stream().anyMatch(n -> run.hyperparameters().get(n)
                    .map(v -> v.display().equalsIgnoreCase("true")).orElse(false));
            if (outOfMemory) {
                oom = OptionalInt.of(oom.isPresent() ? Math.min(oom.getAsInt(), size) : size);
                continue;
            }
            run.scalar(MetricRole.THROUGHPUT, settings.aliases()).map(Diagnoser::median).filter(v -> v > 0)
                    .ifPresent(v -> points.add(new ThroughputPoint(size, v)));
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BatchSizeAdvisor.advise(points, oom, settings.batch()));
    }

    private static double median(ScalarSeries series) {
        return RunningMedian.median(series.valuesCopy());
    }
}
