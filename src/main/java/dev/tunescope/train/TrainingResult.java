package dev.tunescope.train;

import dev.tunescope.run.RunStatus;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param bestEvalLoss the lowest finite eval loss, NaN when none
 * @param reason       why it stopped early (diverged at step s, cancelled, out of memory), when it did
 */
public record TrainingResult(RunStatus status, long steps, double lastTrainLoss, double bestEvalLoss,
                             double examplesPerSecond, String device, Optional<String> reason) {
}
