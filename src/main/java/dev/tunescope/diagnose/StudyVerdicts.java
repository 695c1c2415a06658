package dev.tunescope.diagnose;

import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.Study;
import dev.tunescope.run.StudyKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The verdicts of the studies that are not LR sweeps: warmup (RULES.md §2), clipping (§3), the early-instability
 * probe (§1), batch probes (§5), run-length studies (§4), and plain runs. Each is judged against a reference: the
 * sweep it refers to, where it names one (its lr* trial, and its trials at the same rates as twins), else its own
 * best stable trial.
 */
final class StudyVerdicts {
    private StudyVerdicts() {
    }

    static Diagnosis diagnose(Study study, List<Trial> trials, Optional<SweepVerdict> sweep, StabilityJudge judge,
                              DiagnosisSettings settings) {
        return switch (study.kind()) {
            case WARMUP -> warmup(study, trials, sweep, judge, settings);
            case CLIPPING -> clipping(study, trials, sweep, judge, settings);
            case PROBE -> probe(study, trials, sweep, judge, settings);
            case BATCH_PROBE -> batch(study, trials, judge, settings);
            case STEPS, RUNS, LR_SWEEP -> runs(study, trials, sweep, judge, settings);
            case VERIFY -> VerificationFinding.add(runs(study, trials, Optional.empty(), judge, settings), trials);
        };
    }

    /** The trial the study holds up as what its set-up reaches: the best stable one of its own and its sweep's lr*. */
    static Optional<Trial> reference(List<Trial> trials, Optional<SweepVerdict> sweep, StabilityJudge judge,
                                     DiagnosisSettings settings) {
        List<Trial> candidates = new ArrayList<>(trials.stream().filter(t -> judge.alone(t).stable()).toList());
        sweep.flatMap(SweepVerdict::lrStarTrial).ifPresent(candidates::add);
        return LrStarRule.find(candidates, settings.lrStar()).flatMap(best -> candidates.stream()
                .filter(t -> t.run().equals(best.run())).findFirst());
    }

    /** Each trial judged on its own signs, and against the reference for a plateau where its rate is not below it. */
    private static List<JudgedTrial> judged(List<Trial> trials, Optional<Trial> reference, StabilityJudge judge) {
        return trials.stream().map(t -> reference.isPresent()
                && t.learningRate() >= reference.get().learningRate() * (1 - 1e-9)
                ? judge.judged(t, reference) : new JudgedTrial(t, judge.alone(t))).toList();
    }

    private static Diagnosis warmup(Study study, List<Trial> trials, Optional<SweepVerdict> sweep, StabilityJudge judge,
                                    DiagnosisSettings settings) {
        Optional<Trial> reference = reference(trials, sweep, judge, settings);
        List<JudgedTrial> judged = judged(trials, reference, judge);
        List<TrialStability> verdicts = judged.stream().map(JudgedTrial::verdict).toList();
        long maxTrainSteps = designLength(study, trials, verdicts, sweep);
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(judged,
                sweep.map(SweepVerdict::judged).orElse(List.of()), maxTrainSteps, settings.instability().plateauGap(),
                settings.warmup());
        List<Finding> findings = new ArrayList<>(judgedAgainst(study, sweep, reference));
        findings.addAll(advice.findings());
        advice.byLearningRate().stream().filter(b -> b.outcome() == WarmupAdvisor.Outcome.NOT_RESCUED)
                .max(Comparator.comparingDouble(WarmupAdvisor.ByLearningRate::learningRate))
                .ifPresent(b -> findings.add(Fixes.forInstability(b.learningRate(), StudyContext.of(study.runs()),
                        new Fixes.Tried(Optional.of(false), Optional.empty()), b.tried().stream()
                                .map(WarmupAdvisor.WarmupTrial::run).toList(), "", "a clipping study at this rate")));
        return new Diagnosis(study, trials, verdicts, sweep.map(s -> s.study().id()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(advice), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), maxTrainSteps, findings);
    }

    private static Diagnosis clipping(Study study, List<Trial> trials, Optional<SweepVerdict> sweep,
                                      StabilityJudge judge, DiagnosisSettings settings) {
        Optional<Trial> reference = reference(trials, sweep, judge, settings);
        List<JudgedTrial> judged = judged(trials, reference, judge);
        List<TrialStability> verdicts = judged.stream().map(JudgedTrial::verdict).toList();
        ClippingStudyRule.Verdict verdict = ClippingStudyRule.assess(judged,
                sweep.map(SweepVerdict::judged).orElse(List.of()), settings.instability().plateauGap(),
                settings.clipping());
        List<Finding> findings = new ArrayList<>(judgedAgainst(study, sweep, reference));
        findings.addAll(verdict.findings());
        Optional<ClippingAdvice> threshold = thresholdFor(judged, sweep, reference, settings);
        threshold.ifPresent(c -> findings.addAll(c.findings()));
        if (!verdict.rescued()) {
            judged.stream().filter(j -> j.trial().clipThreshold().isEmpty() && j.verdict().unstable())
                    .map(j -> j.trial().learningRate()).max(Double::compare)
                    .or(() -> judged.stream().map(j -> j.trial().learningRate()).max(Double::compare))
                    .ifPresent(lr -> findings.add(Fixes.forInstability(lr, StudyContext.of(study.runs()),
                            new Fixes.Tried(Optional.empty(), Optional.of(false)), verdicts.stream()
                                    .map(TrialStability::run).toList(), "a warmup study at this rate", "")));
        }
        long maxTrainSteps = designLength(study, trials, verdicts, sweep);
        return new Diagnosis(study, trials, verdicts, sweep.map(s -> s.study().id()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), threshold, Optional.of(verdict),
                Optional.empty(), Optional.empty(), maxTrainSteps, findings);
    }

    /**
     * The threshold from the reference run's unclipped gradient norms (the sweep's lr*, else the study's best stable
     * unclipped trial), judged on the unclipped twin at the study's rate, the one clipping is meant to fix.
     */
    private static Optional<ClippingAdvice> thresholdFor(List<JudgedTrial> judged, Optional<SweepVerdict> sweep,
                                                         Optional<Trial> reference, DiagnosisSettings settings) {
        Optional<Trial> source = sweep.flatMap(SweepVerdict::lrStarTrial).filter(t -> t.gradNorm().isPresent())
                .or(() -> reference.filter(t -> t.clipThreshold().isEmpty() && t.gradNorm().isPresent()))
                .or(() -> judged.stream().filter(j -> j.verdict().stable() && j.trial().clipThreshold().isEmpty()
                        && j.trial().gradNorm().isPresent()).map(JudgedTrial::trial).findFirst());
        Optional<ClippingAdvice> advice = source.flatMap(t -> ClippingAdvisor.advise(t.run(),
                t.gradNorm().get().tag(), t.gradNorm().get(), settings.clipping()));
        Optional<JudgedTrial> target = judged.stream().filter(j -> j.trial().clipThreshold().isEmpty()
                && j.verdict().unstable() && j.trial().gradNorm().isPresent())
                .max(Comparator.comparingDouble(j -> j.trial().learningRate()))
                .or(() -> sweep.flatMap(s -> s.judged().stream().filter(j -> j.verdict().unstable()
                        && j.trial().gradNorm().isPresent() && judged.stream().anyMatch(k -> LearningRates.same(
                        k.trial().learningRate(), j.trial().learningRate()))).findFirst()));
        return advice.map(a -> target.map(t -> ClippingAdvisor.forTarget(a, t.trial().run(), t.trial().learningRate(),
                t.trial().gradNorm().get(), settings.clipping())).orElse(a));
    }

    private static Diagnosis probe(Study study, List<Trial> trials, Optional<SweepVerdict> sweep, StabilityJudge judge,
                                   DiagnosisSettings settings) {
        Optional<Trial> reference = sweep.flatMap(SweepVerdict::lrStarTrial);
        List<TrialStability> verdicts = judged(trials, reference, judge).stream().map(JudgedTrial::verdict).toList();
        Optional<EarlyInstabilityRule.ProbeVerdict> probe = trials.stream().findFirst().map(t ->
                EarlyInstabilityRule.assess(t, sweep.flatMap(SweepVerdict::lrStar).map(LrStarRule.LrStar::value),
                        settings.probe(), judge));
        List<Finding> findings = new ArrayList<>(judgedAgainst(study, sweep, reference));
        probe.ifPresent(p -> findings.addAll(p.findings()));
        return new Diagnosis(study, trials, verdicts, sweep.map(s -> s.study().id()), Optional.empty(),
                Optional.empty(), probe, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Diagnoser.maxTrainSteps(study, trials, verdicts), findings);
    }

    private static Diagnosis batch(Study study, List<Trial> trials, StabilityJudge judge, DiagnosisSettings settings) {
        List<TrialStability> verdicts = trials.stream().map(judge::alone).toList();
        Optional<BatchAdvice> advice = batchAdvice(study.runs(), StudyContext.of(study.runs()), settings);
        List<Finding> findings = new ArrayList<>();
        advice.ifPresent(a -> findings.addAll(a.findings()));
        return new Diagnosis(study, trials, verdicts, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), advice,
                Diagnoser.maxTrainSteps(study, trials, verdicts), findings);
    }

    /** Runs judged one by one (plain runs, and run-length studies, whose lengths are compared too). */
    private static Diagnosis runs(Study study, List<Trial> trials, Optional<SweepVerdict> sweep, StabilityJudge judge,
                                  DiagnosisSettings settings) {
        Optional<Trial> reference = reference(trials, sweep, judge, settings);
        List<TrialStability> verdicts = judged(trials, reference.filter(r -> sweep.isPresent()), judge).stream()
                .map(JudgedTrial::verdict).toList();
        List<Finding> findings = new ArrayList<>(judgedAgainst(study, sweep, reference.filter(r -> sweep.isPresent())));
        for (TrialStability v : verdicts) {
            if (v.unstable()) {
                findings.add(InstabilityFindings.unstableTrial(v, settings.instability()));
            }
        }
        if (!verdicts.isEmpty() && verdicts.stream().allMatch(TrialStability::stable)) {
            findings.add(new Finding(InstabilityRule.RULE, Severity.INFO, (verdicts.size() == 1 ? "The run shows no"
                    : "No run shows any") + " instability (no NaN/Inf, blow-up, sustained rise, early jump or spike).",
                    new Evidence(verdicts.stream().map(TrialStability::run).toList(), List.of(), java.util.Map.of())));
        }
        long maxTrainSteps = Diagnoser.maxTrainSteps(study, trials, verdicts);
        List<Trial> stable = trials.stream().filter(t -> verdicts.stream().anyMatch(v -> v.run().equals(t.run())
                && v.stable())).toList();
        Optional<Trial> best = reference(stable, Optional.empty(), judge, settings);
        Optional<ClippingAdvice> clipping = best.filter(t -> t.gradNorm().isPresent() && t.clipThreshold().isEmpty())
                .flatMap(t -> ClippingAdvisor.advise(t.run(), t.gradNorm().get().tag(), t.gradNorm().get(),
                        settings.clipping()));
        clipping.ifPresent(c -> findings.addAll(c.findings()));
        Optional<StepsAdvice> steps = stable.isEmpty() ? Optional.empty() : Optional.of(StepsAdvisor.advise(stable,
                best.map(Trial::run), maxTrainSteps, settings.steps()));
        if (study.kind() == StudyKind.STEPS && steps.isPresent()) {
            steps = Optional.of(withLengthVerdict(steps.get(), StepsStudyRule.assess(stable)));
        }
        steps.ifPresent(s -> findings.addAll(s.findings()));
        return new Diagnosis(study, trials, verdicts, sweep.map(s -> s.study().id()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), clipping, Optional.empty(), steps,
                Optional.empty(), maxTrainSteps, findings);
    }

    /** A run-length study's answer comes from comparing its lengths, not from one run's best step. */
    private static StepsAdvice withLengthVerdict(StepsAdvice perRun, StepsStudyRule.Verdict lengths) {
        if (lengths.recommended().isEmpty()) {
            return perRun;
        }
        List<Finding> findings = new ArrayList<>(lengths.findings());
        findings.addAll(perRun.findings());
        return new StepsAdvice(perRun.runs(), perRun.maxTrainStepsCandidate(), perRun.candidateRun(),
                perRun.headline(), lengths.recommended(), lengths.findings().get(0).message(), findings);
    }

    /** A warmup or clipping study's design length: declared, else its sweep's, else its runs'. */
    private static long designLength(Study study, List<Trial> trials, List<TrialStability> verdicts,
                                     Optional<SweepVerdict> sweep) {
        if (study.maxTrainSteps().isPresent() || sweep.isEmpty()) {
            return Diagnoser.maxTrainSteps(study, trials, verdicts);
        }
        return sweep.get().maxTrainSteps();
    }

    /** "Judged against the sweep S (its lr* trial R)", or against the study's own best stable trial. */
    private static List<Finding> judgedAgainst(Study study, Optional<SweepVerdict> sweep, Optional<Trial> reference) {
        if (reference.isEmpty()) {
            return List.of();
        }
        String what = sweep.map(s -> "the sweep " + s.study().id() + " it refers to, whose twins at the same rates"
                + " are compared, and the reference trial " + reference.get().run())
                .orElse("its own best stable trial, " + reference.get().run());
        return List.of(new Finding("studies", Severity.INFO, "Judged against " + what + ".",
                new Evidence(List.of(reference.get().run()), List.of(), java.util.Map.of())));
    }

    /** Throughput per batch size from a batch probe: each run's median examples/s, and the out-of-memory size. */
    static Optional<BatchAdvice> batchAdvice(List<Run> runs, StudyContext context, DiagnosisSettings settings) {
        List<ThroughputPoint> points = new ArrayList<>();
        OptionalInt oom = OptionalInt.empty();
        for (Run run : runs) {
            Optional<Double> batchSize = HyperparameterNames.number(run.hyperparameters(), HyperparameterNames.BATCH_SIZE);
            if (batchSize.isEmpty()) {
                continue;
            }
            int size = (int) Math.round(batchSize.get());
            boolean outOfMemory = HyperparameterNames.value(run.hyperparameters(), HyperparameterNames.OUT_OF_MEMORY)
                    .map(v -> v.display().equalsIgnoreCase("true")).orElse(false);
            if (outOfMemory) {
                oom = OptionalInt.of(oom.isPresent() ? Math.min(oom.getAsInt(), size) : size);
                continue;
            }
            run.scalar(MetricRole.THROUGHPUT, settings.aliases()).flatMap(StudyVerdicts::steadyThroughput)
                    .ifPresent(m -> points.add(new ThroughputPoint(size, m[0], m[1], 1)));
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(BatchSizeAdvisor.advise(points, oom, context, settings.batch()));
    }

    /**
     * A run's steady throughput: the median examples/s after its first tenth of steps (the first steps warm up
     * caches and compilers), and the standard error of that median as a share of it (1.2533 x sigma / sqrt(n), the
     * sigma from the interquartile range).
     */
    static Optional<double[]> steadyThroughput(ScalarSeries series) {
        double[] values = java.util.Arrays.stream(series.valuesCopy()).filter(v -> Double.isFinite(v) && v > 0)
                .toArray();
        if (values.length == 0) {
            return Optional.empty();
        }
        int skip = values.length >= 5 ? Math.max(1, values.length / 10) : 0;
        double[] steady = java.util.Arrays.copyOfRange(values, skip, values.length);
        double median = RunningMedian.median(steady);
        double[] sorted = steady.clone();
        java.util.Arrays.sort(sorted);
        double iqr = Percentiles.ofSorted(sorted, 75) - Percentiles.ofSorted(sorted, 25);
        double error = sorted.length < 4 ? 0 : 1.2533 * (iqr / 1.349) / Math.sqrt(sorted.length) / median;
        return Optional.of(new double[] {median, error});
    }
}
