package dev.tunescope.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.study.BuiltInExecutor;
import dev.tunescope.study.TrialOutcome;
import dev.tunescope.study.TrialPlan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Option(names = "--lr", required = true, description = "Base learning rate.")
    double lr;

    @Option(names = "--warmup", defaultValue = "0", description = "Linear warmup steps (default: ${DEFAULT-VALUE}).")
    long warmup;

    @Option(names = "--clip", description = "Clip the global gradient norm at this value.")
    Double clip;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run folder to create.")
    Path out;

    @Option(names = "--json", description = "Print a JSON summary instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out.resolve("run.json"))) {
            spec.commandLine().getErr().println("tunescope train: " + out + " already holds a run; choose another folder");
            return ExitCodes.USAGE;
        }
        BuiltInExecutor executor = new BuiltInExecutor(training.base());
        Map<String, Number> settings = new LinkedHashMap<>(Map.of("lr", lr, "warmup_steps", warmup));
        if (clip != null) {
            settings.put("clip", clip);
        }
        TrialPlan trial = new TrialPlan(out.toAbsolutePath().normalize().getFileName().toString(), settings);
        PrintWriter text = spec.commandLine().getOut();
        ProgressLine progress = new ProgressLine(json ? new PrintWriter(java.io.Writer.nullWriter()) : text);
        TrialOutcome outcome;
        try (InterruptToCancel interrupt = new InterruptToCancel()) {
            progress.onTrialStart(0, 1, trial, false);
            outcome = executor.execute(trial, out, report -> progress.onStep(0, 1, trial, report),
                    interrupt.cancellation());
            progress.onTrialEnd(0, 1, outcome);
        }
        if (json) {
            ObjectNode node = JsonValues.MAPPER.createObjectNode();
            node.put("run", out.toString());
            node.put("status", outcome.status().id());
            node.put("steps", outcome.steps());
            outcome.reason().ifPresent(r -> node.put("reason", r));
            text.println(JsonValues.MAPPER.writeValueAsString(node));
        }
        text.flush();
        return ExitCodes.OK;
    }
}
