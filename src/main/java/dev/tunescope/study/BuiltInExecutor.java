package dev.tunescope.study;

import dev.tunescope.run.RunStatus;
import dev.tunescope.train.Cancellation;
import dev.tunescope.train.OptimizerSpec;
import dev.tunescope.train.OutOfMemory;
import dev.tunescope.train.Schedule;
import dev.tunescope.train.TrainingListener;
import dev.tunescope.train.TrainingLoop;
import dev.tunescope.train.TrainingRequest;
import dev.tunescope.train.TrainingResult;
import dev.tunescope.train.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Trains a trial on a built-in workload: the study's base settings, with the trial's own learning rate, warmup,
 * clipping threshold, batch size, length and eval interval on top. A batch that does not fit in memory ends the
 * trial as failed with {@code out_of_memory: true}; the study carries on.
 */
public final class BuiltInExecutor implements TrialExecutor {

    /** The settings every trial shares unless it says otherwise. */
    public record Base(Workload workload, OptimizerSpec optimizer, Schedule.Decay decay, int batchSize, long steps,
                       int evalEvery, int histogramEvery, long seed) {
    }

    private final Base base;

    public BuiltInExecutor(Base base) {
        this.base = base;
    }

    @Override
    public Map<String, Object> describe() {
        return base.workload().describe();
    }

    @Override
    public void check(TrialPlan trial) {
        request(trial); // the request validates itself
    }

    @Override
    public TrialOutcome execute(TrialPlan trial, Path runDir, TrainingListener listener, Cancellation cancellation)
            throws IOException {
        TrainingRequest request = request(trial);
        try {
            TrainingResult result = TrainingLoop.run(request, runDir, listener, cancellation);
            return new TrialOutcome(trial.name(), result.status(), result.steps(), false, result.reason());
        } catch (OutOfMemory oom) {
            return new TrialOutcome(trial.name(), RunStatus.FAILED, 0, false, Optional.of(oom.getMessage()));
        }
    }

    TrainingRequest request(TrialPlan trial) {
        long steps = trial.whole("steps", base.steps());
        long warmup = trial.whole("warmup_steps", 0);
        double lr = trial.number("lr", Double.NaN);
        Schedule schedule = new Schedule(lr, warmup, base.decay(), base.decay() == Schedule.Decay.CONSTANT ? 0 : steps);
        OptionalDouble clip = trial.settings().containsKey("clip") ? OptionalDouble.of(trial.number("clip", 0))
                : OptionalDouble.empty();
        return new TrainingRequest(trial.name(), base.workload(), base.optimizer(), schedule, clip,
                (int) trial.whole("batch_size", base.batchSize()), steps,
                (int) trial.whole("eval_every", base.evalEvery()), base.histogramEvery(), trial.whole("seed", base.seed()));
    }
}
