package dev.tunescope.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
        root.put("created_at", c.createdAt());
        ObjectNode lr = root.putObject("learning_rate");
        lr.put("base", c.learningRate().base());
        lr.put("schedule", c.learningRate().schedule());
        lr.put("warmup_steps", c.learningRate().warmupSteps());
        lr.put("evidence", c.learningRate().evidence());
        c.clipThreshold().ifPresentOrElse(clip -> {
            ObjectNode node = root.putObject("clip_threshold");
            node.put("value", clip.value());
            node.put("percentile", clip.percentile());
            node.put("clipped_fraction", clip.clippedFraction());
            node.put("evidence", clip.evidence());
        }, () -> root.putNull("clip_threshold"));
        c.maxTrainSteps().ifPresentOrElse(steps -> {
            ObjectNode node = root.putObject("max_train_steps");
            node.put("value", steps.value());
            node.put("evidence", steps.evidence());
        }, () -> root.putNull("max_train_steps"));
        c.batchSize().ifPresentOrElse(batch -> {
            ObjectNode node = root.putObject("batch_size");
            node.put("value", batch.value());
            node.put("evidence", batch.evidence());
        }, () -> root.putNull("batch_size"));
        c.optimizer().ifPresentOrElse(opt -> {
            ObjectNode node = root.putObject("optimizer");
            opt.name().ifPresentOrElse(name -> node.put("name", name), () -> node.putNull("name"));
            ObjectNode settings = node.putObject("hyperparameters");
            for (Map.Entry<String, Object> e : new java.util.TreeMap<>(opt.hyperparameters()).entrySet()) {
                settings.set(e.getKey(), JSON.valueToTree(e.getValue()));
            }
            node.put("evidence", opt.evidence());
        }, () -> root.putNull("optimizer"));
        c.notes().forEach(root.withArray("notes")::add);
        if (c.notes().isEmpty()) {
            root.putArray("notes");
        }
        return root;
    }
}
