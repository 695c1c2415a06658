package dev.tunescope.export;

import dev.tunescope.diagnose.BatchAdvice;
import dev.tunescope.diagnose.BestStep;
import dev.tunescope.diagnose.ClippingAdvice;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.StepsAdvice;
import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.WarmupAdvisor;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a diagnosis into the recommended config. The learning rate is lr* as the sweep ran it; a warmup that a
 * warmup study showed to stabilise a larger rate is a note to try, not the recommendation, since its final loss
 * was not compared with lr*'s. The run length is the sweep's; clipping is the advised threshold unless that would
 * clip most updates.
 */
public final class RecommendedConfigs {
    static final Set<String> OPTIMIZER_NAMES = Set.of("optimizer", "optim", "opt");
    static final Set<String> OPTIMIZER_SETTINGS = Set.of("momentum", "nesterov", "beta1", "beta2", "betas", "eps",
            "epsilon", "weight_decay", "dampening", "amsgrad");
    static final Set<String> BATCH_NAMES = Set.of("batch_size", "batch", "bs");

    private RecommendedConfigs() {
    }

    /**
     * @param runs the runs the diagnosis read, by path, for the hyperparameters of the lr* run
     * @return empty when there is no learning rate to recommend (no sweep and no rescued warmup)
     */
    public static Optional<RecommendedConfig> from(Diagnosis diagnosis, Map<String, Run> runs, String version,
                                                   String source) {
        List<String> notes = new ArrayList<>();
        Optional<RecommendedConfig.LearningRate> lr = learningRate(diagnosis, notes);
        if (lr.isEmpty()) {
            return Optional.empty();
        }
        Optional<Run> lrStarRun = diagnosis.lrStar().map(LrStarRule.LrStar::run).map(runs::get);
        return Optional.of(new RecommendedConfig(version, source, Instant.now().toString(), lr.get(),
                clip(diagnosis.clipping(), notes), runLength(diagnosis, lr.get()), batch(diagnosis.batch(), lrStarRun),
                lrStarRun.flatMap(RecommendedConfigs::optimizer), notes));
    }

    private static Optional<RecommendedConfig.LearningRate> learningRate(Diagnosis d, List<String> notes) {
        Optional<WarmupAdvisor.StudyVerdict> warmup = d.warmup().flatMap(WarmupAdvisor.WarmupAdvice::verdict);
        if (d.lrStar().isPresent()) {
            LrStarRule.LrStar star = d.lrStar().get();
            String evidence = "lr* of a " + star.learningRatesTried() + "-rate sweep: lowest " + star.metric() + " "
                    + Text.number(star.score()) + " at step " + star.step() + " in " + star.run()
                    + (star.boundary() == LrStarRule.Boundary.INTERIOR ? "; inside the searched range"
                    : "; on the edge of the searched range, so the sweep should be extended");
            if (star.boundary() != LrStarRule.Boundary.INTERIOR) {
                notes.add("lr* is on the edge of the sweep: extend it with " + star.suggestion() + ".");
            }
            warmup.filter(WarmupAdvisor.StudyVerdict::rescued).ifPresent(v -> notes.add("A warmup of "
                    + v.recommendedWarmup().getAsLong() + " steps made lr " + Text.number(v.targetLr())
                    + " stable: worth a run against lr* = " + Text.number(star.value()) + "."));
            d.warmup().flatMap(WarmupAdvisor.WarmupAdvice::plan).ifPresent(p -> notes.add("Warmup study to run: base_lr "
                    + Text.number(p.baseLr()) + " with warmup_steps " + p.warmupSteps() + "."));
            return Optional.of(new RecommendedConfig.LearningRate(star.value(), "constant", 0, evidence));
        }
        return warmup.filter(WarmupAdvisor.StudyVerdict::rescued).map(v -> new RecommendedConfig.LearningRate(
                v.targetLr(), "linear warmup, then constant", v.recommendedWarmup().getAsLong(),
                "the shortest warmup of a warmup study that made this learning rate stable (no LR sweep was read)"));
    }

    private static Optional<RecommendedConfig.ClipThreshold> clip(Optional<ClippingAdvice> advice, List<String> notes) {
        if (advice.isEmpty()) {
            return Optional.empty();
        }
        ClippingAdvice c = advice.get();
        String share = Text.percent(c.clippedFraction());
        if (c.clippedFraction() > 0.5) {
            notes.add("Clipping at the " + Text.number(c.percentile()) + "th percentile would touch " + share
                    + " of updates: lower the learning rate instead of clipping.");
            return Optional.empty();
        }
        return Optional.of(new RecommendedConfig.ClipThreshold(c.threshold(), c.percentile(), c.clippedFraction(),
                "the " + Text.number(c.percentile()) + "th percentile of " + c.updates() + " gradient norms of "
                        + c.run() + "; " + share + " of its updates lie above it"));
    }

    private static Optional<RecommendedConfig.RunLength> runLength(Diagnosis d, RecommendedConfig.LearningRate lr) {
        if (d.maxTrainSteps() <= 0) {
            return Optional.empty();
        }
        long steps = d.maxTrainSteps() + lr.warmupSteps();
        StringBuilder evidence = new StringBuilder("the length of the stable runs read (" + d.maxTrainSteps()
                + " steps)" + (lr.warmupSteps() > 0 ? " plus the " + lr.warmupSteps() + " warmup steps" : ""));
        d.steps().ifPresent(s -> describe(s, evidence));
        return Optional.of(new RecommendedConfig.RunLength(steps, evidence.toString()));
    }

    private static void describe(StepsAdvice s, StringBuilder evidence) {
        long later = s.runs().stream().filter(b -> b.verdict() == BestStep.Verdict.TRAIN_LONGER).count();
        long earlier = s.runs().stream().filter(b -> b.verdict() == BestStep.Verdict.TOO_MANY_STEPS).count();
        if (later > 0) {
            evidence.append("; the best eval step came in the last 25% in ").append(later).append(" of ")
                    .append(s.runs().size()).append(" runs, so training longer should help");
        }
        if (earlier > 0) {
            evidence.append("; the best eval step came in the first 10% in ").append(earlier).append(" of ")
                    .append(s.runs().size()).append(" runs, so fewer steps would do");
        }
        s.maxTrainStepsCandidate().ifPresent(c -> evidence.append("; the fastest trial to fit the training set did so in ")
                .append(c).append(" steps"));
    }

    private static Optional<RecommendedConfig.BatchSize> batch(Optional<BatchAdvice> advice, Optional<Run> lrStarRun) {
        if (advice.isPresent() && advice.get().recommendedBatchSize() > 0) {
            BatchAdvice b = advice.get();
            return Optional.of(new RecommendedConfig.BatchSize(b.recommendedBatchSize(), "the largest batch size that"
                    + " still scaled in the batch probe (" + Text.number(b.secondsPerStep()) + " s per step);"
                    + " a new batch size means retuning learning rate, momentum and regularization"));
        }
        return lrStarRun.flatMap(run -> BATCH_NAMES.stream().map(n -> run.hyperparameters().number(n))
                .flatMap(Optional::stream).findFirst()).map(size -> new RecommendedConfig.BatchSize(
                (int) Math.round(size), "the batch size the sweep ran with (no batch probe was read)"));
    }

    private static Optional<RecommendedConfig.Optimizer> optimizer(Run run) {
        Optional<String> name = OPTIMIZER_NAMES.stream().map(n -> run.hyperparameters().get(n)).flatMap(Optional::stream)
                .map(HyperparameterValue::display).findFirst();
        Map<String, Object> settings = new LinkedHashMap<>();
        run.hyperparameters().values().forEach((key, value) -> {
            if (OPTIMIZER_SETTINGS.contains(key)) {
                settings.put(key, switch (value) {
                    case HyperparameterValue.Number n -> n.value();
                    case HyperparameterValue.Flag f -> f.value();
                    case HyperparameterValue.Text t -> t.value();
                });
            }
        });
        if (name.isEmpty() && settings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecommendedConfig.Optimizer(name, settings, "as the lr* run (" + run.path()
                + ") recorded it" + (name.isEmpty() ? "; the run did not record the optimizer's name" : "")));
    }
}
