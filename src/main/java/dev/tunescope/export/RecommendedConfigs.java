package dev.tunescope.export;

import dev.tunescope.diagnose.BatchAdvice;
import dev.tunescope.diagnose.ClippingAdvice;
import dev.tunescope.diagnose.ClippingStudyRule;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.LearningRates;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.Trial;
import dev.tunescope.diagnose.WarmupAdvisor;
import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.Run;
import dev.tunescope.run.StudyKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns the diagnosis of a study (and the studies that refer to it) into the recommended config. The learning rate
 * is lr*; a warmup study that made a larger rate stable replaces it only where that trial reached a lower best loss
 * than lr*'s (else it is a note to verify). The run length follows the run-length verdict on lr* (longer where it
 * was still improving, shorter where it peaked early). Clipping is the threshold from lr*'s gradient norms (or the
 * one a clipping study showed to rescue the chosen rate), left out where it would clip most updates of the chosen
 * rate. The optimizer, model and seed are what the lr* run recorded.
 */
public final class RecommendedConfigs {
    private RecommendedConfigs() {
    }

    /** Empty when there is no learning rate to recommend (no lr* and no warmup that made a rate stable). */
    public static Optional<RecommendedConfig> from(ConfigSources sources, String version, String source) {
        Diagnosis main = sources.main();
        List<String> notes = new ArrayList<>();
        Optional<Trial> reference = referenceTrial(main);
        Optional<Run> run = reference.map(Trial::run).map(sources.runs()::get);
        Hyperparameters hparams = run.map(Run::hyperparameters).orElse(Hyperparameters.NONE);
        Optional<Chosen> chosen = learningRate(sources, notes);
        if (chosen.isEmpty()) {
            return Optional.empty();
        }
        Chosen lr = chosen.get();
        Optional<RecommendedConfig.RunLength> length = runLength(main, lr);
        long total = length.map(RecommendedConfig.RunLength::value).orElse(main.maxTrainSteps() + lr.warmup());
        String decay = HyperparameterNames.text(hparams, HyperparameterNames.SCHEDULE).orElse("constant");
        RecommendedConfig.LearningRate rate = new RecommendedConfig.LearningRate(lr.value(), lr.warmup(), decay, total,
                lr.evidence(), lr.study());
        return Optional.of(new RecommendedConfig(version, source, main.study().id(), Instant.now().toString(), rate,
                clip(sources, lr, notes), length, batch(sources, hparams, main.study().id()),
                optimizer(hparams, run, main.study().id()), model(hparams, main.study().id()), Optional.empty(),
                HyperparameterNames.number(hparams, HyperparameterNames.SEED).map(v -> OptionalLong.of(Math.round(v)))
                        .orElse(OptionalLong.empty()),
                dev.tunescope.run.LoggingCadence.of(run.map(List::of).orElse(List.of()), sources.settings().aliases()),
                settingsUsed(sources.settings()), notes));
    }

    /** The learning rate chosen, the warmup that goes with it, and where it came from. */
    private record Chosen(double value, long warmup, String evidence, String study) {
    }

    /** The lr* trial of a sweep; for a warmup study, its best rescued trial. */
    private static Optional<Trial> referenceTrial(Diagnosis main) {
        Optional<Trial> star = main.lrStar().flatMap(s -> main.trial(s.run()));
        if (star.isPresent()) {
            return star;
        }
        return main.warmup().flatMap(w -> w.byLearningRate().stream().filter(b -> b.shortestStable().isPresent()
                && w.recommendedLearningRate().isPresent() && b.learningRate() == w.recommendedLearningRate()
                .getAsDouble()).findFirst()).flatMap(b -> b.tried().stream().filter(t -> t.warmupSteps()
                == b.shortestStable().getAsLong()).findFirst()).flatMap(t -> main.trial(t.run()))
                .or(() -> main.trials().stream().findFirst());
    }

    private static Optional<Chosen> learningRate(ConfigSources sources, List<String> notes) {
        Diagnosis main = sources.main();
        Optional<Diagnosis> warmupStudy = main.study().kind() == StudyKind.WARMUP ? Optional.of(main)
                : sources.related().stream().filter(d -> d.study().kind() == StudyKind.WARMUP).findFirst();
        Optional<WarmupAdvisor.WarmupAdvice> warmup = warmupStudy.flatMap(Diagnosis::warmup)
                .filter(w -> w.recommendedWarmup().isPresent());
        if (main.lrStar().isPresent()) {
            LrStarRule.LrStar star = main.lrStar().get();
            if (star.boundary() != LrStarRule.Boundary.INTERIOR) {
                notes.add("lr* is on the edge of the sweep: extend it with " + star.suggestion() + ".");
            }
            String evidence = "lr* of a " + star.learningRatesTried() + "-rate sweep: lowest " + star.metric() + " "
                    + Text.number(star.score()) + " at step " + star.step() + " in " + star.run()
                    + (star.boundary() == LrStarRule.Boundary.INTERIOR ? "; inside the searched range"
                    : "; on the edge of the searched range, so the sweep should be extended");
            if (warmup.isPresent()) {
                Optional<Chosen> better = warmedBeatsLrStar(warmupStudy.get(), warmup.get(), star);
                if (better.isPresent()) {
                    return better;
                }
                notes.add("A warmup of " + warmup.get().recommendedWarmup().getAsLong() + " steps made lr "
                        + Text.number(warmup.get().recommendedLearningRate().getAsDouble()) + " stable ("
                        + warmupStudy.get().study().id() + "), without a lower loss than lr*'s: worth a verification run"
                        + " against lr* = " + Text.number(star.value()) + ".");
            }
            main.warmup().flatMap(WarmupAdvisor.WarmupAdvice::plan).ifPresent(p -> notes.add("Warmup study to run:"
                    + " base_lr " + Text.number(p.baseLr()) + " with warmup_steps " + p.warmupSteps() + "."));
            return Optional.of(new Chosen(star.value(), 0, evidence, main.study().id()));
        }
        return warmup.map(w -> new Chosen(w.recommendedLearningRate().getAsDouble(), w.recommendedWarmup()
                .getAsLong(), "the shortest warmup of a warmup study that made this learning rate stable (no LR"
                + " sweep was read)", warmupStudy.get().study().id()));
    }

    /** The rescued rate with its warmup, where its trial reached a lower best loss than lr*'s did. */
    private static Optional<Chosen> warmedBeatsLrStar(Diagnosis study, WarmupAdvisor.WarmupAdvice advice,
                                                      LrStarRule.LrStar star) {
        double lr = advice.recommendedLearningRate().getAsDouble();
        long warmup = advice.recommendedWarmup().getAsLong();
        Optional<Trial> trial = advice.byLearningRate().stream().filter(b -> b.learningRate() == lr)
                .flatMap(b -> b.tried().stream()).filter(t -> t.warmupSteps() == warmup).findFirst()
                .flatMap(t -> study.trial(t.run()));
        Optional<LrStarRule.LrStar> scored = trial.flatMap(t -> LrStarRule.find(List.of(t),
                LrStarRule.Settings.DEFAULTS));
        if (scored.isEmpty() || !(scored.get().score() < star.score()) || lr <= star.value()
                || !scored.get().metric().equals(star.metric())) {
            return Optional.empty();
        }
        return Optional.of(new Chosen(lr, warmup, "lr " + Text.number(lr) + " with " + warmup + " warmup steps: a"
                + " warmup study made it stable and it reached a lower best " + star.metric() + " ("
                + Text.number(scored.get().score()) + ") than lr* " + Text.number(star.value()) + " ("
                + Text.number(star.score()) + ")", study.study().id()));
    }

    private static Optional<RecommendedConfig.ClipThreshold> clip(ConfigSources sources, Chosen lr,
                                                                  List<String> notes) {
        Optional<Diagnosis> clipStudy = sources.related().stream()
                .filter(d -> d.study().kind() == StudyKind.CLIPPING).findFirst();
        Optional<ClippingStudyRule.Verdict> rescue = clipStudy.flatMap(Diagnosis::clippingStudy)
                .filter(ClippingStudyRule.Verdict::rescued).filter(v -> v.rescuedLearningRate().isPresent()
                        && LearningRates.same(v.rescuedLearningRate().getAsDouble(), lr.value()));
        if (rescue.isPresent()) {
            double threshold = rescue.get().rescuedThreshold().getAsDouble();
            double fraction = rescue.get().byThreshold().stream().filter(t -> t.threshold().isPresent()
                    && t.threshold().getAsDouble() == threshold).mapToDouble(ClippingStudyRule.ClipTrial::clippedFraction)
                    .findFirst().orElse(Double.NaN);
            return Optional.of(new RecommendedConfig.ClipThreshold(threshold, Double.NaN, fraction, "the largest"
                    + " threshold that made lr " + Text.number(lr.value()) + " stable in the clipping study",
                    clipStudy.get().study().id()));
        }
        Optional<ClippingAdvice> advice = sources.main().clipping();
        if (advice.isEmpty()) {
            return Optional.empty();
        }
        ClippingAdvice c = advice.get();
        double limit = sources.settings().clipping().lowerLrWarningFraction();
        c.target().filter(t -> t.clippedFraction() > limit).ifPresent(t -> notes.add("Clipping at "
                + Text.number(c.threshold()) + " would touch " + Text.percent(t.clippedFraction()) + " of updates at lr "
                + Text.number(t.learningRate()) + ": it would not make that rate trainable; lower the rate instead."));
        if (c.clippedFraction() > limit) {
            notes.add("Clipping at the " + Text.number(c.percentile()) + "th percentile would touch "
                    + Text.percent(c.clippedFraction()) + " of updates: lower the learning rate instead of clipping.");
            return Optional.empty();
        }
        return Optional.of(new RecommendedConfig.ClipThreshold(c.threshold(), c.percentile(), c.clippedFraction(),
                "the " + Text.number(c.percentile()) + "th percentile of " + c.updates() + " gradient norms of "
                        + c.run() + "; " + Text.percent(c.clippedFraction()) + " of its updates lie above it",
                sources.main().study().id()));
    }

    /** The run length the run-length verdict calls for, with the warmup's steps added. */
    private static Optional<RecommendedConfig.RunLength> runLength(Diagnosis main, Chosen lr) {
        OptionalLong verdict = main.steps().map(s -> s.recommendedMaxTrainSteps()).orElse(OptionalLong.empty());
        long steps = verdict.orElse(main.maxTrainSteps());
        if (steps <= 0) {
            return Optional.empty();
        }
        String why = main.steps().map(s -> s.recommendation()).filter(r -> !r.isEmpty() && verdict.isPresent())
                .orElse("the length of the stable runs read (" + main.maxTrainSteps() + " steps)");
        if (lr.warmup() > 0) {
            why += "; plus the " + lr.warmup() + " warmup steps";
        }
        return Optional.of(new RecommendedConfig.RunLength(steps + lr.warmup(), why, main.study().id()));
    }

    private static Optional<RecommendedConfig.BatchSize> batch(ConfigSources sources, Hyperparameters hparams,
                                                               String study) {
        Optional<Diagnosis> probe = sources.batchProbe().filter(d -> d.batch().map(b -> b.recommendedBatchSize() > 0)
                .orElse(false));
        if (probe.isPresent()) {
            BatchAdvice b = probe.get().batch().get();
            return Optional.of(new RecommendedConfig.BatchSize(b.recommendedBatchSize(), "the smallest batch size"
                    + " within the noise of the highest throughput in the batch probe (" + Text.number(
                    b.secondsPerStep()) + " s per step); a new batch size means retuning learning rate, momentum and"
                    + " regularization", probe.get().study().id()));
        }
        return HyperparameterNames.number(hparams, HyperparameterNames.BATCH_SIZE).map(size ->
                new RecommendedConfig.BatchSize((int) Math.round(size), "the batch size the sweep ran with (no batch"
                        + " probe was read)", study));
    }

    private static Optional<RecommendedConfig.Optimizer> optimizer(Hyperparameters hparams, Optional<Run> run,
                                                                   String study) {
        Optional<String> name = HyperparameterNames.value(hparams, HyperparameterNames.OPTIMIZER)
                .map(HyperparameterValue::display);
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String key : HyperparameterNames.OPTIMIZER_SETTINGS) {
            HyperparameterNames.value(hparams, List.of(key)).ifPresent(v -> settings.put(key, plain(v)));
        }
        if (name.isEmpty() && settings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecommendedConfig.Optimizer(name, settings, "as the lr* run ("
                + run.map(Run::path).orElse("?") + ") recorded it"
                + (name.isEmpty() ? "; the run did not record the optimizer's name" : ""), study));
    }

    private static Optional<RecommendedConfig.Model> model(Hyperparameters hparams, String study) {
        Optional<String> name = HyperparameterNames.value(hparams, HyperparameterNames.MODEL)
                .map(HyperparameterValue::display);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        hparams.values().forEach((key, value) -> {
            if (key.startsWith("workload.") || key.startsWith("model.")) {
                settings.put(key.substring(key.indexOf('.') + 1), plain(value));
            }
        });
        return Optional.of(new RecommendedConfig.Model(name.get(), settings, study));
    }

    /** Numbers as numbers (also when a format stored them as text), flags as booleans, the rest as text. */
    private static Object plain(HyperparameterValue value) {
        return switch (value) {
            case HyperparameterValue.Number n -> n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
                    ? (Object) (long) n.value() : (Object) n.value();
            case HyperparameterValue.Flag f -> f.value();
            case HyperparameterValue.Text t -> t.asNumber().<Object>map(d -> d).orElseGet(() -> t.value());
        };
    }

    private static Map<String, Double> settingsUsed(DiagnosisSettings settings) {
        Map<String, Double> used = new LinkedHashMap<>();
        used.put("clip_percentile", settings.clipping().percentile());
        used.put("clip_lower_lr_warning_fraction", settings.clipping().lowerLrWarningFraction());
        used.put("plateau_gap", settings.instability().plateauGap());
        used.put("spike_z", settings.instability().spikeZ());
        used.put("rise_fraction", settings.instability().riseFraction());
        used.put("warmup_base_lr_multiplier", settings.warmup().baseLrMultiplier());
        return used;
    }

}
