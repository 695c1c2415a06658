package dev.tunescope.study;

import dev.tunescope.train.Cancellation;
import dev.tunescope.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs one trial into its folder: a built-in workload or the user's own command on this machine, or either of them
 * as a job on a cluster ({@code study.slurm}). A study is the same whichever runs it: one plan, one folder per
 * trial, and a trial that ended is never run again.
 */
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

    /**
     * How many trials may run at once. On this machine one: the trials would share its GPU or cores, and a study's
     * trials are compared on equal terms.
     */
    default int trialsAtOnce() {
        return 1;
    }

    /**
     * Whether the trial's process runs elsewhere (a cluster job) and locks and cleans its folder itself there; the
     * study here then only starts and watches it, and {@link #execute} must not assume it holds the folder.
     */
    default boolean runsElsewhere() {
        return false;
    }

    TrialOutcome execute(TrialPlan trial, Path runDir, TrainingListener listener, Cancellation cancellation)
            throws IOException;
}
