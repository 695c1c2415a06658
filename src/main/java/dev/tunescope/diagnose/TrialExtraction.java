package dev.tunescope.diagnose;

import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns a run into a {@link Trial}: finds its loss, gradient-norm, learning-rate and clipped-flag series through the
 * metric aliases, and its learning rate, warmup and clipping threshold from its hyperparameters (names in
 * {@link HyperparameterNames}), falling back to its learning-rate series (the peak value is the base LR; the step
 * where a rising LR first reaches it ends the warmup).
 */
public final class TrialExtraction {
    /** An LR that starts below this share of its peak is taken to be warming up. */
    static final double WARMUP_START_SHARE = 0.5;

    private TrialExtraction() {
    }

    /**
     * The trial a run is, or empty when it has no train loss. A run that records no learning rate is a trial with a
     * NaN rate: it can be judged on its own, but not placed in a sweep.
     */
    public static Optional<Trial> from(Run run, MetricAliases aliases) {
        Optional<ScalarSeries> trainLoss = run.scalar(MetricRole.TRAIN_LOSS, aliases);
        if (trainLoss.isEmpty() || trainLoss.get().isEmpty()) {
            return Optional.empty();
        }
        Optional<ScalarSeries> lrSeries = run.scalar(MetricRole.LEARNING_RATE, aliases).filter(s -> !s.isEmpty());
        double lr = learningRate(run, aliases).orElse(Double.NaN);
        return Optional.of(new Trial(run.path(), run.hyperparameters(), lr, warmupSteps(run, aliases),
                clipThreshold(run), trainLoss.get(), run.scalar(MetricRole.EVAL_LOSS, aliases).filter(s -> !s.isEmpty()),
                run.scalar(MetricRole.GRAD_NORM, aliases).filter(s -> !s.isEmpty()), lrSeries,
                run.scalar(MetricRole.CLIPPED, aliases).filter(s -> !s.isEmpty())));
    }

    /** The run's base learning rate: its hyperparameter, else the peak of its learning-rate series. */
    public static OptionalDouble learningRate(Run run, MetricAliases aliases) {
        Optional<Double> recorded = HyperparameterNames.number(run.hyperparameters(), HyperparameterNames.LEARNING_RATE)
                .filter(v -> v > 0);
        if (recorded.isPresent()) {
            return OptionalDouble.of(recorded.get());
        }
        return run.scalar(MetricRole.LEARNING_RATE, aliases).flatMap(TrialExtraction::peak)
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    /** The warmup length: its hyperparameter, else where a rising learning-rate series reaches its peak; else 0. */
    public static long warmupSteps(Run run, MetricAliases aliases) {
        return HyperparameterNames.number(run.hyperparameters(), HyperparameterNames.WARMUP).map(Math::round)
                .filter(w -> w >= 0)
                .orElseGet(() -> run.scalar(MetricRole.LEARNING_RATE, aliases).map(TrialExtraction::warmupSteps)
                        .orElse(0L));
    }

    /**
     * The clipping threshold, empty when the run does not clip: no such setting, or 0, a negative number or a word
     * such as "none" (trainers write {@code gradient_clip_val: 0} or {@code clip: null} for "off").
     */
    public static OptionalDouble clipThreshold(Run run) {
        return HyperparameterNames.value(run.hyperparameters(), HyperparameterNames.CLIP)
                .flatMap(HyperparameterValue::asNumber).filter(v -> Double.isFinite(v) && v > 0)
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static Optional<Double> peak(ScalarSeries lr) {
        double peak = lr.isEmpty() ? Double.NaN : lr.stats().max();
        return Double.isFinite(peak) && peak > 0 ? Optional.of(peak) : Optional.empty();
    }

    /** The step where a linearly rising LR first reaches its peak; 0 when it starts at (near) the peak. */
    static long warmupSteps(ScalarSeries lr) {
        Optional<Double> peak = peak(lr);
        if (peak.isEmpty() || lr.isEmpty() || !(lr.value(0) < WARMUP_START_SHARE * peak.get())) {
            return 0;
        }
        for (int i = 0; i < lr.size(); i++) {
            if (lr.value(i) >= peak.get() * 0.999) {
                return lr.step(i);
            }
        }
        return 0;
    }
}
