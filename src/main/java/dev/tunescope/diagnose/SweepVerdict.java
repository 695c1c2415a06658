package dev.tunescope.diagnose;

import dev.tunescope.run.Study;
import dev.tunescope.run.StudyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An LR sweep judged (RULES.md §1): lr*, and every trial's stability against the lr* trial. Made first, since the
 * studies that refer to the sweep are judged against it; then {@link #diagnosis} adds the advice that depends on
 * what those studies showed (the fixes in the playbook's order, the warmup, probe and clipping advice, run length).
 */
final class SweepVerdict {
    private final Study study;
    private final List<Trial> trials;
    private final Optional<LrStarRule.LrStar> lrStar;
    private final InstabilityRule.Result instability;
    private final long maxTrainSteps;

    private SweepVerdict(Study study, List<Trial> trials, Optional<LrStarRule.LrStar> lrStar,
                         InstabilityRule.Result instability, long maxTrainSteps) {
        this.study = study;
        this.trials = trials;
        this.lrStar = lrStar;
        this.instability = instability;
        this.maxTrainSteps = maxTrainSteps;
    }

    static SweepVerdict of(Study study, List<Trial> trials, StabilityJudge judge, DiagnosisSettings settings) {
        Optional<LrStarRule.LrStar> star = LrStarRule.find(trials, settings.lrStar());
        InstabilityRule.Result instability = InstabilityRule.assess(trials, star, judge, settings.instability());
        return new SweepVerdict(study, trials, star, instability,
                Diagnoser.maxTrainSteps(study, trials, instability.trials()));
    }

    Study study() {
        return study;
    }

    Optional<LrStarRule.LrStar> lrStar() {
        return lrStar;
    }

    Optional<Trial> lrStarTrial() {
        return lrStar.flatMap(s -> trial(s.run()));
    }

    long maxTrainSteps() {
        return maxTrainSteps;
    }

    Optional<Trial> trial(String run) {
        return trials.stream().filter(t -> t.run().equals(run)).findFirst();
    }

    /** The sweep's trials with their verdicts (twins of the studies that refer to it). */
    List<JudgedTrial> judged() {
        return instability.trials().stream().map(v -> new JudgedTrial(trial(v.run()).orElseThrow(), v)).toList();
    }

    Diagnosis diagnosis(List<Diagnosis> related, StabilityJudge judge, DiagnosisSettings settings) {
        List<Finding> findings = new ArrayList<>();
        lrStar.ifPresent(s -> findings.addAll(s.findings()));
        lrStar.flatMap(SeedSpread::of).ifPresent(findings::add);
        findings.addAll(instability.findings());
        OptionalDouble unstable = instability.unstableBaseLr();
        StudyContext context = StudyContext.of(study.runs());
        Optional<WarmupAdvisor.WarmupAdvice> warmup = Optional.empty();
        Optional<ClippingAdvice> clipping = clippingAdvice(settings);
        if (unstable.isPresent()) {
            double lr = unstable.getAsDouble();
            Optional<Diagnosis> warmupStudy = related.stream().filter(d -> d.study().kind() == StudyKind.WARMUP)
                    .findFirst();
            Optional<Diagnosis> clipStudy = related.stream().filter(d -> d.study().kind() == StudyKind.CLIPPING)
                    .findFirst();
            boolean probed = related.stream().anyMatch(d -> d.study().kind() == StudyKind.PROBE);
            if (warmupStudy.isEmpty()) {
                long showsAt = judged().stream().filter(j -> j.verdict().unstable()
                        && j.trial().learningRate() == lr).mapToLong(JudgedTrial::showsAt).min().orElse(0);
                warmup = Optional.of(WarmupAdvisor.propose(lr, maxTrainSteps, showsAt, settings.warmup()));
            }
            Fixes.Tried tried = new Fixes.Tried(warmupStudy.flatMap(Diagnosis::warmup)
                    .map(WarmupAdvisor.WarmupAdvice::rescuedAny), clipStudy.flatMap(Diagnosis::clippingStudy)
                    .map(ClippingStudyRule.Verdict::rescued));
            String warmupHint = warmup.flatMap(WarmupAdvisor.WarmupAdvice::plan).map(p -> "the warmup study below")
                    .orElse("a warmup study");
            String clipHint = clipping.map(c -> "at about " + Text.number(c.threshold()) + ", see [clipping]")
                    .orElse("log the gradient norm to choose a threshold");
            findings.add(Fixes.forInstability(lr, context, tried, instability.unstable().stream()
                    .map(TrialStability::run).toList(), warmupHint, clipHint));
            if (!probed && lrStar.isPresent()) {
                findings.add(EarlyInstabilityRule.propose(lrStar.get().value(), study.path(), settings.probe()));
            }
            warmup.ifPresent(w -> findings.addAll(w.findings()));
        }
        related.forEach(d -> findings.add(relatedSummary(d)));
        clipping.ifPresent(c -> findings.addAll(c.findings()));
        List<String> unstableRuns = instability.unstable().stream().map(TrialStability::run).toList();
        List<Trial> stable = trials.stream().filter(t -> !unstableRuns.contains(t.run())).toList();
        Optional<StepsAdvice> steps = stable.isEmpty() ? Optional.empty() : Optional.of(StepsAdvisor.advise(stable,
                lrStar.map(LrStarRule.LrStar::run), maxTrainSteps, settings.steps()));
        steps.ifPresent(s -> findings.addAll(s.findings()));
        return new Diagnosis(study, trials, instability.trials(), Optional.empty(), lrStar, Optional.of(instability),
                Optional.empty(), warmup, clipping, Optional.empty(), steps, Optional.empty(), maxTrainSteps, findings);
    }

    /**
     * The threshold from the lr* trial's gradient norms (else the best-ranked trial that logged them), judged at
     * unstable_base_lr, the rate clipping is meant to make trainable, where the sweep has one with gradient norms.
     */
    private Optional<ClippingAdvice> clippingAdvice(DiagnosisSettings settings) {
        Optional<Trial> source = lrStarTrial().filter(t -> t.gradNorm().isPresent()).or(() -> lrStar.flatMap(s ->
                s.ranking().stream().map(r -> trial(r.run())).flatMap(Optional::stream)
                        .filter(t -> t.gradNorm().isPresent()).findFirst()));
        if (source.isEmpty() && trials.size() == 1 && trials.get(0).gradNorm().isPresent()) {
            source = Optional.of(trials.get(0));
        }
        Optional<ClippingAdvice> advice = source.flatMap(t -> ClippingAdvisor.advise(t.run(), t.gradNorm().get().tag(),
                t.gradNorm().get(), settings.clipping()));
        OptionalDouble unstable = instability.unstableBaseLr();
        if (advice.isEmpty() || unstable.isEmpty()) {
            return advice;
        }
        Optional<Trial> target = instability.unstable().stream().filter(v -> v.learningRate() == unstable.getAsDouble())
                .map(v -> trial(v.run())).flatMap(Optional::stream).filter(t -> t.gradNorm().isPresent()).findFirst();
        return target.map(t -> ClippingAdvisor.forTarget(advice.get(), t.run(), t.learningRate(), t.gradNorm().get(),
                settings.clipping())).or(() -> advice);
    }

    /** One line on a study that refers to this sweep: what it found, to be read in its own section. */
    private static Finding relatedSummary(Diagnosis related) {
        String verdict = switch (related.study().kind()) {
            case WARMUP -> related.warmup().map(w -> w.rescuedAny() ? "warmup rescued lr " + Text.number(
                    w.recommendedLearningRate().orElse(Double.NaN)) + " with " + w.recommendedWarmup().orElse(0)
                    + " steps" : w.failedAny() ? "no warmup tried rescued its rates" : "no verdict yet").orElse("");
            case CLIPPING -> related.clippingStudy().map(c -> c.rescued() ? "clipping at " + Text.number(
                    c.rescuedThreshold().orElse(Double.NaN)) + " rescued lr " + Text.number(
                    c.rescuedLearningRate().orElse(Double.NaN)) : "no clipping threshold tried rescued its rate")
                    .orElse("");
            case PROBE -> related.probe().map(p -> p.unstableEarly() ? "the probe is unstable early: warmup is the fix"
                    : "the probe is stable early").orElse("");
            case VERIFY -> VerificationFinding.judge(related.trials(), java.util.OptionalDouble.empty()).map(VerificationVerdict::sentence)
                    .orElse("no verdict yet");
            default -> related.study().kind().id() + " study";
        };
        return new Finding("studies", Severity.INFO, "The " + related.study().kind().id() + " study "
                + related.study().id() + " refers to this sweep: " + verdict + " (see its section).",
                new Evidence(related.trials().stream().map(Trial::run).toList(), List.of(), java.util.Map.of()));
    }
}
