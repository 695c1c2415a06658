package dev.tunescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.RunStatus;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What Tunescope takes from an MLflow run's {@code meta.yaml}: the run name and the status.
 *
 * <p>The file is read as a plain YAML tree ({@link YamlTree}), never bound to types named in the file, so a
 * crafted {@code meta.yaml} cannot make the reader build objects of its choosing; aliases stand for their
 * anchor's value.
 *
 * @param runName the {@code run_name} field, where there is one
 */
record MlflowMeta(Optional<String> runName, RunStatus status) {
    static final MlflowMeta NONE = new MlflowMeta(Optional.empty(), RunStatus.UNKNOWN);

    /** Reads {@code file}; whatever is missing or unreadable is reported under {@code name} and left out. */
    static MlflowMeta read(Path file, String name, Consumer<ReadWarning> warnings) {
        Optional<String> text = SmallTextFile.read(file, name, warnings);
        if (text.isEmpty()) {
            return NONE;
        }
        YamlTree.Result tree;
        try {
            tree = YamlTree.read(text.get(), SmallTextFile.MAX_BYTES);
        } catch (YamlTree.NotYamlException e) {
            warnings.accept(ReadWarning.wholeFile(name, "is not valid YAML (" + e.getMessage() + "), so the run's"
                    + " status is unknown"));
            return NONE;
        }
        tree.problems().forEach(problem -> warnings.accept(ReadWarning.wholeFile(name, problem)));
        JsonNode root = tree.root().orElse(null);
        if (root == null || !root.isObject()) {
            warnings.accept(ReadWarning.wholeFile(name, "does not hold a YAML mapping, so the run's status is"
                    + " unknown"));
            return NONE;
        }
        JsonNode runName = root.path("run_name");
        Optional<String> named = runName.isValueNode() && !runName.isNull() && !runName.asText().isBlank()
                ? Optional.of(runName.asText()) : Optional.empty();
        return new MlflowMeta(named, status(root.path("status"), name, warnings));
    }

    /**
     * MLflow's {@code RunStatus} enum: 1 RUNNING, 2 SCHEDULED, 3 FINISHED, 4 FAILED, 5 KILLED, stored as its
     * number (the names are accepted too). A scheduled run counts as running: it has not ended, so its files
     * are still worth re-reading. A killed run was stopped by someone, which is what CANCELLED means here.
     */
    static RunStatus status(JsonNode node, String name, Consumer<ReadWarning> warnings) {
        if (node.isMissingNode() || node.isNull()) {
            return RunStatus.UNKNOWN;
        }
        String text = node.asText().strip().toUpperCase(Locale.ROOT);
        RunStatus status = switch (text) {
            case "1", "RUNNING", "2", "SCHEDULED" -> RunStatus.RUNNING;
            case "3", "FINISHED" -> RunStatus.FINISHED;
            case "4", "FAILED" -> RunStatus.FAILED;
            case "5", "KILLED" -> RunStatus.CANCELLED;
            default -> RunStatus.UNKNOWN;
        };
        if (status == RunStatus.UNKNOWN) {
            warnings.accept(ReadWarning.wholeFile(name, "status '" + node.asText() + "' is not one of MLflow's"
                    + " run states (1-5 or RUNNING, SCHEDULED, FINISHED, FAILED, KILLED)"));
        }
        return status;
    }
}
