package dev.tunescope.diagnose;

import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import java.util.List;
import java.util.Optional;

/**
 * Turns a run into a {@link Trial}: finds its loss, gradient-norm and learning-rate series through the metric
 * aliases, and its learning rate and warmup from its hyperparameters, falling back to its learning-rate series
 * (the peak value is the base LR; the step where a rising LR first reaches it ends the warmup).
 */
public final class TrialExtraction {
    static final List<String> LR_NAMES = List.of("lr", "learning_rate", "base_lr", "max_lr", "lr0", "optimizer.lr");
    static final List<String> WARMUP_NAMES = List.of("warmup", "warmup_steps", "num_warmup_steps", "warmup_iters");
    /** An LR that starts below this share of its peak is taken to be warming up. */
    static final double WARMUP_START_SHARE = 0.5;

    private TrialExtraction() {
    }

    /** The trial a run is, or empty when it has no train loss or no learning rate to place it by. */
    public static Optional<Trial> from(Run run, MetricAliases aliases) {
        Optional<ScalarSeries> trainLoss = run.scalar(MetricRole.TRAIN_LOSS, aliases);
        if (trainLoss.isEmpty() || trainLoss.get().isEmpty()) {
            return Optional.empty();
        }
        Optional<ScalarSeries> lrSeries = run.scalar(MetricRole.LEARNING_RATE, aliases);
        Optional<Double> lr = firstNumber(run, LR_NAMES).or(() -> lrSeries.flatMap(TrialExtraction::peak));
        if (lr.isEmpty()) {
            return Optional.empty();
        }
        long warmup = firstNumber(run, WARMUP_NAMES).map(Math::round)
                .orElseGet(() -> lrSeries.map(TrialExtraction::warmupSteps).orElse(0L));
        return Optional.of(new Trial(run.path(), lr.get(), warmup, trainLoss.get(),
                run.scalar(MetricRole.EVAL_LOSS, aliases).filter(s -> !s.isEmpty()),
                run.scalar(MetricRole.GRAD_NORM, aliases).filter(s -> !s.isEmpty()), lrSeries));
    }

    private static Optional<Double> firstNumber(Run run, List<String> names) {
        return names.stream().map(name -> run.hyperparameters().number(name)).flatMap(Optional::stream)
                .filter(Double::isFinite).findFirst();
    }

    private static Optional<Double> peak(ScalarSeries lr) {
        double peak = lr.stats().max();
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
