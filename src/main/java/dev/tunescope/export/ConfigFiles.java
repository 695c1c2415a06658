package dev.tunescope.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Map;

/**
 * Writes a {@link RecommendedConfig} as JSON or YAML with snake_case keys, and reads such a file back as a tree
 * (never into classes: a config file is data). The field list is written out here rather than left to reflection,
 * so renaming a Java field cannot change the file format behind {@link RecommendedConfig#SCHEMA_VERSION}'s back.
 */
public final class ConfigFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ConfigFiles() {
    }

    public static String json(RecommendedConfig config) {
        return write(JSON, config);
    }

    public static String yaml(RecommendedConfig config) {
        return write(YAML, config);
    }

    /** Reads a file written by {@link #json} or {@link #yaml} (YAML is a superset of JSON, so either parses). */
    public static JsonNode read(String text) throws JsonProcessingException {
        return YAML.readTree(text);
    }

    private static String write(ObjectMapper mapper, RecommendedConfig config) {
        try {
            return mapper.writeValueAsString(tree(config));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("a tree of plain values failed to serialize", impossible);
        }
    }

    static ObjectNode tree(RecommendedConfig c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema_version", RecommendedConfig.SCHEMA_VERSION);
        root.put("tunescope_version", c.tunescopeVersion());
        root.put("source", c.source());
        root.put("study", c.study());
        root.put("created_at", c.createdAt());
        ObjectNode lr = root.putObject("learning_rate");
        lr.put("base", c.learningRate().base());
        ObjectNode schedule = lr.putObject("schedule");
        schedule.put("warmup_steps", c.learningRate().warmupSteps());
        schedule.put("decay", c.learningRate().decay());
        schedule.put("total_steps", c.learningRate().totalSteps());
        lr.put("evidence", c.learningRate().evidence());
        lr.put("from_study", c.learningRate().fromStudy());
        c.clipThreshold().ifPresentOrElse(clip -> {
            ObjectNode node = root.putObject("clip_threshold");
            node.put("value", clip.value());
            putNumber(node, "percentile", clip.percentile());
            putNumber(node, "clipped_fraction", clip.clippedFraction());
            node.put("evidence", clip.evidence());
            node.put("from_study", clip.fromStudy());
        }, () -> root.putNull("clip_threshold"));
        c.maxTrainSteps().ifPresentOrElse(steps -> {
            ObjectNode node = root.putObject("max_train_steps");
            node.put("value", steps.value());
            node.put("evidence", steps.evidence());
            node.put("from_study", steps.fromStudy());
        }, () -> root.putNull("max_train_steps"));
        c.batchSize().ifPresentOrElse(batch -> {
            ObjectNode node = root.putObject("batch_size");
            node.put("value", batch.value());
            node.put("evidence", batch.evidence());
            node.put("from_study", batch.fromStudy());
        }, () -> root.putNull("batch_size"));
        c.optimizer().ifPresentOrElse(opt -> {
            ObjectNode node = root.putObject("optimizer");
            opt.name().ifPresentOrElse(name -> node.put("name", name), () -> node.putNull("name"));
            node.set("hyperparameters", values(opt.hyperparameters()));
            node.put("evidence", opt.evidence());
            node.put("from_study", opt.fromStudy());
        }, () -> root.putNull("optimizer"));
        c.model().ifPresentOrElse(model -> {
            ObjectNode node = root.putObject("model");
            node.put("name", model.name());
            node.set("settings", values(model.settings()));
            node.put("from_study", model.fromStudy());
        }, () -> root.putNull("model"));
        c.command().ifPresentOrElse(arguments -> {
            ArrayNode node = root.putArray("command");
            arguments.forEach(node::add);
        }, () -> root.putNull("command"));
        if (c.seed().isPresent()) {
            root.put("seed", c.seed().getAsLong());
        } else {
            root.putNull("seed");
        }
        ObjectNode logging = root.putObject("logging");
        cadence(logging, "eval_every", c.logging().evalEvery());
        cadence(logging, "histogram_every", c.logging().histogramEvery());
        ObjectNode settings = root.putObject("diagnosis_settings");
        c.diagnosisSettings().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> putNumber(settings, e.getKey(), e.getValue()));
        ArrayNode notes = root.putArray("notes");
        c.notes().forEach(notes::add);
        return root;
    }

    private static void cadence(ObjectNode node, String name, java.util.OptionalInt every) {
        if (every.isPresent()) {
            node.put(name, every.getAsInt());
        } else {
            node.putNull(name);
        }
    }

    private static ObjectNode values(Map<String, Object> values) {
        ObjectNode node = JSON.createObjectNode();
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(values).entrySet()) {
            node.set(e.getKey(), JSON.valueToTree(e.getValue()));
        }
        return node;
    }

    /** A number, or null where there is none (NaN). */
    private static void putNumber(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }
}
