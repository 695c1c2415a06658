package dev.tunescope.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.RunStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Reads and writes {@code run.json}. Reading is lenient field by field: a field that is missing or of the
 * wrong kind is reported and left out, and the rest of the file still counts.
 */
final class RunJson {
    static final String SOURCE = TunescopeFormat.RUN_JSON;
    private static final double EXACT_INTEGERS = 0x1p53;

    private RunJson() {
    }

    static byte[] write(TunescopeRunInfo info) {
        ObjectNode root = TunescopeJson.MAPPER.createObjectNode();
        root.put("name", info.name());
        info.created().ifPresent(created -> root.put("created", created.toString()));
        root.put("status", info.status().id());
        root.put("device", info.device());
        ObjectNode hparams = root.putObject("hparams");
        info.hparams().values().forEach((key, value) -> {
            switch (value) {
                case HyperparameterValue.Number n when n.value() == Math.rint(n.value())
                        && Math.abs(n.value()) < EXACT_INTEGERS -> hparams.put(key, (long) n.value());
                case HyperparameterValue.Number n -> hparams.put(key, n.value());
                case HyperparameterValue.Text t -> hparams.put(key, t.value());
                case HyperparameterValue.Flag f -> hparams.put(key, f.value());
            }
        });
        root.set("workload", TunescopeJson.MAPPER.valueToTree(info.workload()));
        try {
            return TunescopeJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("run info cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The run info in {@code text}, or empty where it is not a JSON object (reported under {@code name}). */
    static Optional<TunescopeRunInfo> read(String text, String name, Consumer<ReadWarning> warnings) {
        JsonNode root;
        try {
            root = TunescopeJson.MAPPER.readTree(text);
        } catch (JacksonException e) {
            warnings.accept(ReadWarning.wholeFile(name, "is not valid JSON (" + JsonProblem.of(e) + "), so the"
                    + " run's name, status and hyperparameters are unknown"));
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            warnings.accept(ReadWarning.wholeFile(name, "does not hold a JSON object, so the run's name, status and"
                    + " hyperparameters are unknown"));
            return Optional.empty();
        }
        Consumer<String> problem = message -> warnings.accept(ReadWarning.wholeFile(name, message));
        return Optional.of(new TunescopeRunInfo(text(root, "name"), created(root.get("created"), problem),
                status(root.get("status"), problem), text(root, "device"), hparams(root.get("hparams"), problem),
                workload(root.get("workload"), problem)));
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isValueNode() && !node.isNull() ? node.asText() : "";
    }

    private static Optional<Instant> created(JsonNode node, Consumer<String> problem) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        try {
            if (node.isNumber()) { // seconds since the epoch, as Python's time.time() gives them
                return Optional.of(Instant.ofEpochMilli(Math.round(node.doubleValue() * 1000)));
            }
            return Optional.of(Instant.parse(node.asText()));
        } catch (DateTimeException | ArithmeticException e) {
            problem.accept("\"created\" is neither an ISO-8601 instant nor epoch seconds: " + node);
            return Optional.empty();
        }
    }

    private static RunStatus status(JsonNode node, Consumer<String> problem) {
        if (node == null || node.isNull()) {
            problem.accept("has no \"status\", so the run's status is unknown");
            return RunStatus.UNKNOWN;
        }
        RunStatus status = RunStatus.fromId(node.asText());
        if (status == RunStatus.UNKNOWN && !node.asText().equalsIgnoreCase(RunStatus.UNKNOWN.id())) {
            problem.accept("\"status\" " + node + " is not one of running, finished, diverged, failed, cancelled");
        }
        return status;
    }

    private static Hyperparameters hparams(JsonNode node, Consumer<String> problem) {
        if (node == null || node.isNull()) {
            return Hyperparameters.NONE;
        }
        if (!node.isObject()) {
            problem.accept("\"hparams\" is not a JSON object, so no hyperparameters were read from it");
            return Hyperparameters.NONE;
        }
        Map<String, HyperparameterValue> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                values.put(field.getKey(), new HyperparameterValue.Number(value.doubleValue()));
            } else if (value.isBoolean()) {
                values.put(field.getKey(), new HyperparameterValue.Flag(value.booleanValue()));
            } else if (value.isTextual()) {
                OptionalDouble nonFinite = FloatText.nonFinite(value.textValue()); // how non-finite numbers are written
                values.put(field.getKey(), nonFinite.isPresent()
                        ? new HyperparameterValue.Number(nonFinite.getAsDouble())
                        : new HyperparameterValue.Text(value.textValue()));
            } else if (!value.isNull()) {
                values.put(field.getKey(), new HyperparameterValue.Text(value.toString()));
            }
        }
        return values.isEmpty() ? Hyperparameters.NONE : new Hyperparameters(values, SOURCE);
    }

    private static Map<String, Object> workload(JsonNode node, Consumer<String> problem) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            problem.accept("\"workload\" is not a JSON object and was left out");
            return Map.of();
        }
        // plain maps, lists, strings, numbers and booleans: nothing in the file picks a Java type
        return TunescopeJson.MAPPER.convertValue(node, new TypeReference<LinkedHashMap<String, Object>>() { });
    }
}
