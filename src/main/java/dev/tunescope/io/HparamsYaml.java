package dev.tunescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.ReadWarning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Lightning's {@code hparams.yaml}: a mapping of hyperparameter names to values, nested where the model's
 * hyperparameters were nested (OmegaConf configs). Nested keys are joined with dots ({@code optimizer.lr}).
 *
 * <p>Safety: the YAML is read as a plain tree ({@link YamlTree}) and never bound to classes, so type tags such as
 * {@code !!python/object} that {@code yaml.dump} may write construct nothing; their values are read as data, and
 * aliases ({@code *id001}, which {@code yaml.dump} writes for a value met twice) stand for their anchor's value.
 * Lists are kept as their JSON text. The file is read again only when its size or modification time changed.
 * Only a regular file is opened (a named pipe is reported, never waited on).
 */
final class HparamsYaml {
    static final String SOURCE = "hparams.yaml";
    /** Far beyond any real hparams file; guards against reading a huge file by mistake. */
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final Path path;
    private final String file;
    private FileVersion seenVersion;
    private Result last = new Result(Optional.empty(), List.of());

    /** @param file the name warnings give the file */
    HparamsYaml(Path path, String file) {
        this.path = path;
        this.file = file;
    }

    /**
     * @param values   the hyperparameters, empty where the file is missing, holds none, or could not be read
     * @param warnings why a present file gave nothing
     */
    record Result(Optional<Hyperparameters> values, List<ReadWarning> warnings) {
        Result {
            warnings = List.copyOf(warnings);
        }
    }

    /** What tells one state of the file from the next without reading it. */
    private record FileVersion(long size, FileTime modified, Object key) {
    }

    /** The file's hyperparameters as it now stands. Never throws. */
    Result read() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            FileVersion version = new FileVersion(attributes.size(), attributes.lastModifiedTime(),
                    attributes.fileKey());
            if (!version.equals(seenVersion)) {
                last = parse();
                seenVersion = version;
            }
        } catch (NoSuchFileException absent) {
            seenVersion = null;
            last = new Result(Optional.empty(), List.of());
        } catch (IOException | RuntimeException failure) {
            seenVersion = null;
            last = failed(FailureText.of(failure));
        }
        return last;
    }

    private Result parse() {
        List<ReadWarning> warnings = new ArrayList<>();
        Optional<String> text = SmallTextFile.read(path, file, MAX_BYTES, warnings::add);
        if (text.isEmpty()) {
            return new Result(Optional.empty(), warnings);
        }
        YamlTree.Result tree;
        try {
            tree = YamlTree.read(text.get(), MAX_BYTES);
        } catch (YamlTree.NotYamlException notYaml) {
            warnings.add(ReadWarning.wholeFile(file, "is not valid YAML (" + notYaml.getMessage() + ")"));
            return new Result(Optional.empty(), warnings);
        }
        tree.problems().forEach(problem -> warnings.add(ReadWarning.wholeFile(file, problem)));
        if (tree.root().isEmpty() || tree.root().get().isNull()) {
            return new Result(Optional.empty(), warnings);
        }
        JsonNode root = tree.root().get();
        if (!root.isObject()) {
            warnings.add(ReadWarning.wholeFile(file, "holds a " + root.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not a mapping of names to values"));
            return new Result(Optional.empty(), warnings);
        }
        Map<String, HyperparameterValue> values = new LinkedHashMap<>();
        flatten("", root, values);
        return new Result(values.isEmpty() ? Optional.empty() : Optional.of(new Hyperparameters(values, SOURCE)),
                warnings);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, HyperparameterValue> into) {
        node.properties().forEach(entry -> {
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject() && !value.isEmpty()) {
                flatten(key + ".", value, into);
            } else {
                into.put(key, valueOf(value));
            }
        });
    }

    private static HyperparameterValue valueOf(JsonNode value) {
        if (value.isNumber()) {
            return new HyperparameterValue.Number(value.doubleValue());
        }
        if (value.isBoolean()) {
            return new HyperparameterValue.Flag(value.booleanValue());
        }
        if (value.isTextual()) {
            return new HyperparameterValue.Text(value.textValue());
        }
        return new HyperparameterValue.Text(value.toString()); // null, lists, empty maps: as JSON text
    }

    private Result failed(String why) {
        return new Result(Optional.empty(), List.of(ReadWarning.wholeFile(file, why)));
    }
}
