package dev.tunescope.train;

import dev.tunescope.run.Hyperparameters;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One start of a user's own command for one trial, checked before anything runs: what to run (an argument list,
 * never a shell line), where its run folder is, and how long it may take. {@link ExternalLauncher} carries it
 * out.
 *
 * @param name             the run's name in {@code run.json}
 * @param command          the program and its arguments, placeholders already filled in
 * @param runDir           the trial's run folder: {@code run.json}, {@code metrics.jsonl}, {@code stdout.log},
 *                         {@code stderr.log}, and {@code out/} for the command's own logs
 * @param workingDirectory where the command starts; empty for Tunescope's own current directory
 * @param environment      variables set on top of Tunescope's own environment (which the command inherits),
 *                         such as {@code CUDA_VISIBLE_DEVICES}
 * @param timeout          how long the command may run before its process tree is stopped; empty for no limit
 * @param hyperparameters  what the run records as its hyperparameters
 */
public record ExternalRun(String name, List<String> command, Path runDir, Optional<Path> workingDirectory,
                          Map<String, String> environment, Optional<Duration> timeout,
                          Hyperparameters hyperparameters) {

    public ExternalRun {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("a command needs a program to run");
        }
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("a timeout must be positive, not " + timeout.get());
        }
        Objects.requireNonNull(hyperparameters, "hyperparameters");
    }

    /**
     * The run of {@code trial} with {@code template}: the command rendered with the trial's values (so a
     * placeholder without a value fails here, before anything starts), in {@code runDir}, from the current
     * directory, with no timeout.
     */
    public static ExternalRun forTrial(CommandTemplate template, TrialValues trial, Path runDir) {
        return new ExternalRun(trial.runName(), template.render(trial.placeholders(runDir)), runDir,
                Optional.empty(), Map.of(), Optional.empty(), trial.hyperparameters());
    }

    public ExternalRun withTimeout(Duration limit) {
        return new ExternalRun(name, command, runDir, workingDirectory, environment, Optional.of(limit),
                hyperparameters);
    }

    public ExternalRun withWorkingDirectory(Path dir) {
        return new ExternalRun(name, command, runDir, Optional.of(dir), environment, timeout, hyperparameters);
    }

    /** This run with {@code variables} added to (or replacing) the environment variables set so far. */
    public ExternalRun withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(variables);
        return new ExternalRun(name, command, runDir, workingDirectory, merged, timeout, hyperparameters);
    }
}
