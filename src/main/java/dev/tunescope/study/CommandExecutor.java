package dev.tunescope.study;

import dev.tunescope.train.Cancellation;
import dev.tunescope.train.CommandTemplate;
import dev.tunescope.train.ExternalLauncher;
import dev.tunescope.train.ExternalResult;
import dev.tunescope.train.ExternalRun;
import dev.tunescope.train.TrainingListener;
import dev.tunescope.train.TrialValues;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a trial as the user's own training command, the trial's values filled into its argument template. The
 * values a trial does not set come from the study's base (batch size, steps, seed); a trial without clipping passes
 * a clip of 0, which the command should read as "no clipping".
 */
public final class CommandExecutor implements TrialExecutor {
    private final CommandTemplate template;
    private final int batchSize;
    private final long steps;
    private final long seed;
    private final Optional<Duration> timeout;
    private final ExternalLauncher launcher = new ExternalLauncher();

    public CommandExecutor(CommandTemplate template, int batchSize, long steps, long seed, Optional<Duration> timeout) {
        this.template = template;
        this.batchSize = batchSize;
        this.steps = steps;
        this.seed = seed;
        this.timeout = timeout;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", "external command");
        out.put("command", template.arguments());
        return out;
    }

    @Override
    public void check(TrialPlan trial) {
        ExternalRun.forTrial(template, values(trial), Path.of(trial.name())); // renders the template
    }

    @Override
    public TrialOutcome execute(TrialPlan trial, Path runDir, TrainingListener listener, Cancellation cancellation)
            throws IOException {
        ExternalRun run = ExternalRun.forTrial(template, values(trial), runDir);
        if (timeout.isPresent()) {
            run = run.withTimeout(timeout.get());
        }
        ExternalResult result = launcher.run(run, cancellation);
        // a command that logs into {out} prints no metric lines: its own logs say how far it got
        long steps = Math.max(result.stepsLogged(), TrialSteps.of(runDir));
        return new TrialOutcome(trial.name(), result.status(), steps, false, result.reason());
    }

    private TrialValues values(TrialPlan trial) {
        return new TrialValues(trial.number("lr", Double.NaN), trial.whole("warmup_steps", 0),
                trial.number("clip", 0), (int) trial.whole("batch_size", batchSize), trial.whole("steps", steps), trial.whole("seed", seed),
                trial.name());
    }
}
