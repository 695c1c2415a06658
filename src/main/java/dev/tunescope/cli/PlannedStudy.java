package dev.tunescope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.study.StudyPlan;
import dev.tunescope.study.TrialPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code study KIND ... --plan}: what would run, set-up and trials, without running anything. */
final class PlannedStudy {
    private PlannedStudy() {
    }

    static void print(PrintWriter out, boolean json, StudyPlan plan, TrainingOptions training, boolean ownCommand,
                      Optional<InheritedSetUp> inherited, Path from) throws JsonProcessingException {
        if (json) {
            out.println(JsonValues.MAPPER.writeValueAsString(json(plan, training, ownCommand, inherited, from)));
        } else {
            out.println(TerminalText.sanitise("Would run " + plan.kind().id() + ": " + plan.why()));
            inherited.ifPresent(i -> out.println(TerminalText.sanitise(i.describe(from.toString()))));
            Object name = plan.workload().getOrDefault("name", plan.workload().get("command"));
            Object parameters = plan.workload().get("parameters");
            out.println(TerminalText.sanitise("Workload: " + name + (parameters == null ? ""
                    : " (" + parameters + " parameters)")));
            if (!ownCommand) {
                out.println(TerminalText.sanitise("Optimizer: " + training.optimizerSpec().describe() + ", decay "
                        + training.decay + ", batch size " + training.batchSize + ", eval every " + training.evalEvery
                        + ", seed " + training.seed));
            }
            for (TrialPlan trial : plan.trials()) {
                out.println(TerminalText.sanitise("  " + trial.name() + "  " + trial.settings().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))));
            }
        }
        out.flush();
    }

    static ObjectNode json(StudyPlan plan, TrainingOptions training, boolean ownCommand,
                           Optional<InheritedSetUp> inherited, Path from) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        node.put("kind", plan.kind().id());
        node.put("why", plan.why());
        node.set("workload", JsonValues.MAPPER.valueToTree(plan.workload()));
        if (!ownCommand) {
            Map<String, Object> optimizer = new java.util.LinkedHashMap<>(training.optimizerSpec().describe());
            Object name = optimizer.remove("optimizer");
            ObjectNode o = node.putObject("optimizer");
            o.put("name", String.valueOf(name));
            optimizer.forEach((k, v) -> o.set(k, JsonValues.MAPPER.valueToTree(v)));
            node.put("decay", training.decay);
        }
        node.put("batch_size", training.batchSize);
        node.put("steps", training.steps);
        node.put("eval_every", training.evalEvery);
        node.put("histogram_every", training.histogramEvery);
        ArrayNode seeds = node.putArray("seeds");
        plan.trials().stream().map(t -> t.settings().get("seed")).filter(java.util.Objects::nonNull)
                .map(Number::longValue).distinct().forEach(seeds::add);
        if (seeds.isEmpty()) {
            seeds.add(training.seed);
        }
        if (from != null) {
            node.put("inherited_from", from.toString());
        } else {
            node.putNull("inherited_from");
        }
        inherited.ifPresent(i -> {
            i.inherited().forEach(node.putArray("inherited")::add);
            i.defaulted().forEach(node.putArray("not_recorded")::add);
        });
        ArrayNode trials = node.putArray("trials");
        for (TrialPlan trial : plan.trials()) {
            ObjectNode t = trials.addObject();
            t.put("name", trial.name());
            t.set("settings", JsonValues.MAPPER.valueToTree(trial.settings()));
        }
        return node;
    }
}
