package dev.tunescope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.export.ConfigFiles;
import dev.tunescope.export.RecommendedConfig;
import dev.tunescope.train.WorkloadCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code train --config FILE} / {@code study KIND --config FILE}: an exported config (YAML or JSON) sets every
 * training option it holds (workload, optimizer and its settings, schedule, clip, steps, batch size, seed), so a
 * teammate trains exactly what was recommended; a flag given on the command line overrides its one field.
 */
final class ConfigSetUp {
    /** What was taken from the config, for the line that says so. */
    final List<String> taken = new ArrayList<>();
    /** The options the config filled, so that a sweep's set-up ({@code study --from}) does not replace them. */
    final java.util.Set<String> filled = new java.util.HashSet<>();
    double lr = Double.NaN;
    long warmup;
    Double clip;
    /** The user's command template the config's runs were trained with (schema 4), unless --workload was given. */
    java.util.Optional<List<String>> command = java.util.Optional.empty();

    private ConfigSetUp() {
    }

    static ConfigSetUp read(Path file, TrainingOptions training, Predicate<String> given) {
        return of(parse(file), file.toString(), training, given);
    }

    /** The same from a config already parsed; {@code file} names it in messages. */
    static ConfigSetUp of(JsonNode config, String file, TrainingOptions training, Predicate<String> given) {
        int schema = config.path("schema_version").asInt(-1);
        if (schema < 1) {
            throw new UserError(file + " is not a Tunescope config: it has no schema_version");
        }
        if (schema > RecommendedConfig.SCHEMA_VERSION) {
            throw new UserError(file + " was written by a newer Tunescope (config schema " + schema + "); this one reads"
                    + " schemas up to " + RecommendedConfig.SCHEMA_VERSION + ": update Tunescope");
        }
        ConfigSetUp out = new ConfigSetUp();
        JsonNode rate = config.path("learning_rate");
        if (rate.path("base").isNumber()) {
            out.lr = rate.path("base").asDouble();
            out.taken.add("lr " + dev.tunescope.diagnose.Text.number(out.lr));
        }
        JsonNode schedule = rate.path("schedule");
        out.warmup = schedule.path("warmup_steps").asLong(0);
        if (out.warmup > 0) {
            out.taken.add("warmup " + out.warmup);
        }
        if (!given.test("--decay") && schedule.path("decay").isTextual()) {
            training.decay = schedule.path("decay").asText().toLowerCase(Locale.ROOT);
            out.filled.add("--decay");
            out.taken.add("decay " + training.decay);
        }
        if (config.path("clip_threshold").path("value").isNumber()) {
            out.clip = config.path("clip_threshold").path("value").asDouble();
            out.taken.add("clip " + dev.tunescope.diagnose.Text.number(out.clip));
        }
        if (!given.test("--steps") && config.path("max_train_steps").path("value").isNumber()) {
            training.steps = config.path("max_train_steps").path("value").asLong();
            out.filled.add("--steps");
            out.taken.add(training.steps + " steps");
        }
        if (!given.test("--batch-size") && config.path("batch_size").path("value").isNumber()) {
            training.batchSize = config.path("batch_size").path("value").asInt();
            out.filled.add("--batch-size");
            out.taken.add("batch size " + training.batchSize);
        }
        if (!given.test("--seed") && config.path("seed").isNumber()) {
            training.seed = config.path("seed").asLong();
            out.filled.add("--seed");
            out.taken.add("seed " + training.seed);
        }
        optimizer(config.path("optimizer"), training, given, out);
        JsonNode logging = config.path("logging"); // schema 3; a schema 2 config has none
        if (!given.test("--eval-every") && logging.path("eval_every").isInt()) {
            training.evalEvery = logging.path("eval_every").asInt();
            out.filled.add("--eval-every");
            out.taken.add("eval every " + training.evalEvery);
        }
        if (!given.test("--histogram-every") && logging.path("histogram_every").isInt()) {
            training.histogramEvery = logging.path("histogram_every").asInt();
            out.filled.add("--histogram-every");
        }
        if (!given.test("--workload") && !given.test("--command") && config.path("command").isArray()) {
            List<String> arguments = new ArrayList<>();
            config.path("command").forEach(a -> arguments.add(a.asText()));
            if (!arguments.isEmpty()) {
                out.command = java.util.Optional.of(List.copyOf(arguments));
                out.taken.add("command " + String.join(" ", arguments));
            }
        }
        if (!given.test("--workload") && out.command.isEmpty()) {
            JsonNode model = config.path("model").path("name");
            if (model.isTextual()) {
                if (!WorkloadCatalog.names().contains(model.asText())) {
                    throw new UserError(file + ": its model '" + model.asText() + "' is not a built-in workload;"
                            + " train it with your own script using the config's values, or add --workload NAME");
                }
                training.workload = model.asText();
                out.filled.add("--workload");
                out.taken.add("workload " + training.workload);
            }
        }
        return out;
    }

    private static void optimizer(JsonNode optimizer, TrainingOptions training, Predicate<String> given,
                                  ConfigSetUp out) {
        if (!given.test("--optimizer") && optimizer.path("name").isTextual()) {
            training.optimizer = optimizer.path("name").asText().toLowerCase(Locale.ROOT);
            out.filled.add("--optimizer");
            out.taken.add("optimizer " + training.optimizer);
        }
        JsonNode h = optimizer.path("hyperparameters");
        if (!given.test("--momentum") && h.path("momentum").isNumber()) {
            training.momentum = h.path("momentum").asDouble();
            out.filled.add("--momentum");
        }
        if (!given.test("--nesterov") && h.path("nesterov").isBoolean()) {
            training.nesterov = h.path("nesterov").asBoolean();
            out.filled.add("--nesterov");
        }
        if (!given.test("--beta1") && h.path("beta1").isNumber()) {
            training.beta1 = h.path("beta1").asDouble();
            out.filled.add("--beta1");
        }
        if (!given.test("--beta2") && h.path("beta2").isNumber()) {
            training.beta2 = h.path("beta2").asDouble();
            out.filled.add("--beta2");
        }
        if (!given.test("--eps") && h.path("eps").isNumber()) {
            training.eps = h.path("eps").asDouble();
            out.filled.add("--eps");
        }
        if (!given.test("--weight-decay") && h.path("weight_decay").isNumber()) {
            training.weightDecay = h.path("weight_decay").asDouble();
            out.filled.add("--weight-decay");
        }
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode node = ConfigFiles.read(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new UserError(file + " is not a Tunescope config (not a YAML or JSON object)");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException bad) {
            throw new UserError(file + " is not valid YAML or JSON (" + bad.getOriginalMessage() + ")");
        } catch (IOException unreadable) {
            throw new UserError("could not read " + file + ": " + dev.tunescope.io.AtomicFiles.reason(unreadable));
        }
    }

    String describe(Object file) {
        return "From " + file + ": " + String.join(", ", taken) + ". A flag overrides any of these.";
    }
}
