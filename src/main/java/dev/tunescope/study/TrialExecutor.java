package dev.tunescope.study;

import dev.tunescope.train.Cancellation;
import dev.tunescope.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;

/** Runs one trial into its folder: a built-in workload, or the user's own command. */
public interface TrialExecutor {

    /** What {@code study.json} records of what trains (workload settings or the command template). */
    java.util.Map<String, Object> describe();

    /**
     * Checks that {@code trial} can run, before the study writes anything: a bad value, or a command template with
     * a placeholder no trial fills in, fails here rather than after the study has started.
     *
     * @throws IllegalArgumentException saying what is wrong with the trial
     */
    default void check(TrialPlan trial) {
    }

    TrialOutcome execute(TrialPlan trial, Path runDir, TrainingListener listener, Cancellation cancellation)
            throws IOException;
}
