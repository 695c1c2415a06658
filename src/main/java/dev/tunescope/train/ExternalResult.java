package dev.tunescope.train;

import dev.tunescope.run.RunStatus;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a user's command ended: the same facts its {@code run.json} records, handed back so a study can go on
 * without re-reading the folder.
 *
 * @param status      {@link RunStatus#FINISHED} (exit code 0), {@link RunStatus#FAILED} (another exit code, a
 *                    timeout, or a command that could not start) or {@link RunStatus#CANCELLED}
 * @param exitCode    the process's exit code (on Unix 128 + the signal for a process that was stopped); -1 where
 *                    no process started
 * @param elapsed     from the start to the end of the process (tree)
 * @param stepsLogged metric lines taken from the command's standard output into {@code metrics.jsonl}
 * @param reason      why the run did not finish, where it did not
 */
public record ExternalResult(RunStatus status, int exitCode, Duration elapsed, long stepsLogged,
                             Optional<String> reason) {

    public ExternalResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(reason, "reason");
    }
}
