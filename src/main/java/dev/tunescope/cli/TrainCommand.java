package dev.tunescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.io.TunescopeRunSource;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.study.BuiltInExecutor;
import dev.tunescope.study.TrialOutcome;
import dev.tunescope.study.TrialPlan;
import dev.tunescope.train.ExternalLauncher;
import dev.tunescope.train.TrialFolder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tunescope train --lr LR --out DIR ...}: one run of a built-in workload, written in Tunescope's format. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one run of a built-in workload on the GPU when DJL finds one, else the CPU.")
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    TrainingOptions training;

    @Option(names = "--lr", description = "Base learning rate (required unless --config gives it).")
    Double lr;

    @Option(names = "--warmup", description = "Linear warmup steps (default: 0, or the config's).")
    Long warmup;

    @Option(names = "--config", paramLabel = "FILE",
            description = "An exported config (YAML or JSON): train exactly what it recommends; flags override.")
    Path config;

    @Option(names = "--clip", description = "Clip the global gradient norm at this value.")
    Double clip;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run folder to create.")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (config != null) {
            ConfigSetUp fromConfig = ConfigSetUp.read(config, training,
                    name -> spec.commandLine().getParseResult().hasMatchedOption(name));
            if (fromConfig.command.isPresent()) {
                throw new UserError(config + " was recommended from runs of your own command ("
                        + String.join(" ", fromConfig.command.get()) + "); train runs built-in workloads only:"
                        + " verify it with tunescope verify SWEEP_DIR --config " + config + " (it runs your command),"
                        + " or add --workload NAME");
            }
            lr = lr != null ? lr : Double.isNaN(fromConfig.lr) ? null : fromConfig.lr;
            warmup = warmup != null ? warmup : fromConfig.warmup;
            clip = clip != null ? clip : fromConfig.clip;
            if (!json) {
                spec.commandLine().getOut().println(TerminalText.sanitise(fromConfig.describe(config)));
            }
        }
        if (lr == null) {
            throw new UserError("--lr is needed (or --config FILE with a learning rate)");
        }
        Map<String, Number> settings = new LinkedHashMap<>(Map.of("lr", lr, "warmup_steps",
                warmup == null ? 0L : warmup));
        if (clip != null) {
            settings.put("clip", clip);
        }
        BuiltInExecutor executor;
        TrialPlan trial;
        try {
            executor = new BuiltInExecutor(training.base());
            trial = new TrialPlan(TrialPlan.isPlainName(name()) ? name() : "run", settings);
            executor.check(trial);
        } catch (IllegalArgumentException bad) {
            throw new UserError(bad.getMessage());
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError(out + " is a file; --out names the folder to create for the run");
        }
        PrintWriter text = spec.commandLine().getOut();
        ProgressLine progress = new ProgressLine(json ? new PrintWriter(java.io.Writer.nullWriter()) : text);
        TrialOutcome outcome;
        try (TrialFolder folder = TrialFolder.claim(out, ExternalLauncher.DEFAULT_GRACE).orElseThrow(() ->
                new UserError(out + " is being written by another Tunescope process; choose another folder"));
             InterruptToCancel interrupt = new InterruptToCancel()) {
            if (Files.exists(out.resolve("run.json"))) {
                throw new UserError(out + " already holds a run; choose another folder");
            }
            progress.onTrialStart(0, 1, trial, false);
            outcome = executor.execute(trial, out, report -> progress.onStep(0, 1, trial, report),
                    interrupt.cancellation());
            progress.onTrialEnd(0, 1, outcome);
            // printed before the interrupt hook lets the JVM go: after Ctrl-C it still says how the run ended
            OptionalDouble evalLoss = finalEvalLoss();
            if (json) {
                ObjectNode node = JsonValues.MAPPER.createObjectNode();
                node.put("run", out.toString());
                node.put("status", outcome.status().id());
                node.put("steps", outcome.steps());
                if (evalLoss.isPresent()) {
                    JsonValues.put(node, "eval_loss", evalLoss.getAsDouble());
                }
                outcome.reason().ifPresent(r -> node.put("reason", r));
                text.println(JsonValues.MAPPER.writeValueAsString(node));
            } else {
                text.println(TerminalText.sanitise("Run written to " + out.toAbsolutePath().normalize() + ": "
                        + outcome.status().id() + " after " + outcome.steps() + " steps, " + (evalLoss.isPresent()
                        ? String.format(Locale.ROOT, "final eval loss %.6g", evalLoss.getAsDouble())
                        : "no eval loss logged")));
            }
            text.flush();
        }
        return ExitCodes.OK;
    }

    private String name() {
        Path name = out.toAbsolutePath().normalize().getFileName();
        return name == null ? "run" : name.toString();
    }

    /** The eval loss of the run's last evaluation, as its folder holds it. */
    private OptionalDouble finalEvalLoss() {
        return new TunescopeRunSource(out, name()).refresh().scalar("eval/loss").filter(s -> !s.isEmpty())
                .map(ScalarSeries::lastValue).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }
}
