package dev.tunescope.diagnose;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.ScalarSeries;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One run of a study as the rules see it: its name and settings, and the series that play the playbook's roles. A
 * run without a train loss series is not a trial.
 *
 * @param learningRate  the base learning rate as the run recorded it (its hyperparameter, else the peak of its
 *                      learning-rate series)
 * @param warmupSteps   the linear-warmup length, 0 when the run has none
 * @param clipThreshold the gradient-clipping threshold, empty when the run does not clip
 * @param clipped       a per-step flag of clipped updates, where the run logs one
 */
public record Trial(String run, Hyperparameters hparams, double learningRate, long warmupSteps,
                    OptionalDouble clipThreshold, ScalarSeries trainLoss, Optional<ScalarSeries> evalLoss,
                    Optional<ScalarSeries> gradNorm, Optional<ScalarSeries> learningRateSeries,
                    Optional<ScalarSeries> clipped) {

    /** A constant-LR trial without clipping, from its series alone (tests and callers that build trials by hand). */
    public static Trial of(String run, double learningRate, ScalarSeries trainLoss, Optional<ScalarSeries> evalLoss,
                           Optional<ScalarSeries> gradNorm) {
        return new Trial(run, Hyperparameters.NONE, learningRate, 0, OptionalDouble.empty(), trainLoss, evalLoss,
                gradNorm, Optional.empty(), Optional.empty());
    }

    public Trial withWarmup(long steps) {
        return new Trial(run, hparams, learningRate, steps, clipThreshold, trainLoss, evalLoss, gradNorm,
                learningRateSeries, clipped);
    }

    public Trial withClip(double threshold) {
        return new Trial(run, hparams, learningRate, warmupSteps, OptionalDouble.of(threshold), trainLoss, evalLoss,
                gradNorm, learningRateSeries, clipped);
    }

    /** Whether any train or eval loss value is NaN or infinite. */
    public boolean diverged() {
        return trainLoss.stats().nonFinite() > 0 || evalLoss.map(e -> e.stats().nonFinite() > 0).orElse(false);
    }
}
