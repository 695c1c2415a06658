package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.Optional;

/**
 * One run of a study as the rules see it: its name, its learning rate (and warmup where it has one), and the
 * series that play the playbook's roles. A run without a train loss series is not a trial.
 *
 * @param warmupSteps the linear-warmup length, 0 when the run has none
 */
public record Trial(String run, double learningRate, long warmupSteps, ScalarSeries trainLoss,
                    Optional<ScalarSeries> evalLoss, Optional<ScalarSeries> gradNorm,
                    Optional<ScalarSeries> learningRateSeries) {
}
