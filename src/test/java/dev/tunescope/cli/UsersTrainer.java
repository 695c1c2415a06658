package dev.tunescope.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A user's training script for the study tests, in plain {@code sh} so it needs nothing installed: run as
 * {@code /bin/sh trainer.sh {out} {steps}}, it starts a worker in the background ({@code sleep}, as a data loader
 * would be), records the worker's pid in {@code {out}/worker.pid}, and appends one line per step to
 * {@code {out}/metrics.jsonl}. From step 3 on it waits while the file named by {@code $TRAINER_GATE} exists, so a
 * test can hold it mid-run; without that variable it runs straight through.
 */
final class UsersTrainer {
    private static final String SCRIPT = """
            out=$1
            steps=$2
            mkdir -p "$out"
            sleep 1000 &
            echo $! > "$out/worker.pid"
            i=1
            while [ "$i" -le "$steps" ]; do
              printf '{"step": %d, "own/loss": %d}\\n' "$i" "$((1000 - i))" >> "$out/metrics.jsonl"
              while [ "$i" -ge 3 ] && [ -n "$TRAINER_GATE" ] && [ -e "$TRAINER_GATE" ]; do sleep 0.05; done
              i=$((i + 1))
            done
            kill "$(cat "$out/worker.pid")"
            """;

    private UsersTrainer() {
    }

    /** Writes the script into {@code dir}; returns the {@code --command} template that runs it. */
    static String install(Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("trainer.sh"), SCRIPT);
        return "/bin/sh " + script + " {out} {steps}";
    }

    /** The steps in a trial's {@code out/metrics.jsonl}, in the order they were written. */
    static List<Long> loggedSteps(Path trialDir) throws IOException {
        List<Long> steps = new ArrayList<>();
        for (String line : Files.readAllLines(trialDir.resolve("out/metrics.jsonl"))) {
            steps.add(Long.parseLong(line.replaceAll("^\\{\"step\": (\\d+),.*$", "$1")));
        }
        return steps;
    }

    /** The pid of the worker the script started in the trial, where it has started it. */
    static Optional<Long> workerPid(Path trialDir) throws IOException {
        Path file = trialDir.resolve("out/worker.pid");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(text));
    }
}
