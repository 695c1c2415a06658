package dev.tunescope.ui;

import dev.tunescope.cli.VersionProvider;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.export.ConfigFiles;
import dev.tunescope.export.DiagnosisReport;
import dev.tunescope.export.RecommendedConfig;
import dev.tunescope.workspace.Recommendation;
import dev.tunescope.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The recommended config of the current diagnosis, as text to save or copy, and the HTML report. */
public final class ExportModel {
    private final WorkspaceViewModel workspace;

    public ExportModel(WorkspaceViewModel workspace) {
        this.workspace = workspace;
    }

    public Optional<RecommendedConfig> config() {
        Workspace current = workspace.workspaceProperty().get();
        Optional<Diagnosis> diagnosis = workspace.diagnosisProperty().get();
        if (current == null || diagnosis.isEmpty()) {
            return Optional.empty();
        }
        return Recommendation.config(current, diagnosis.get(), VersionProvider.version(),
                current.folder().toAbsolutePath().normalize().toString());
    }

    /** The config as JSON, or a sentence saying why there is none. */
    public String configText(boolean yaml) {
        return config().map(c -> yaml ? ConfigFiles.yaml(c) : ConfigFiles.json(c)).orElse(
                "No configuration to recommend: the folder holds no learning-rate sweep.");
    }

    /** Writes the config (.json, .yaml/.yml) or the report (.html), by the file's extension. */
    public void save(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text;
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            Workspace current = workspace.workspaceProperty().get();
            Diagnosis diagnosis = workspace.diagnosisProperty().get().orElseThrow(() -> new IOException(
                    "nothing is diagnosed yet"));
            text = DiagnosisReport.html(diagnosis, config(), VersionProvider.version(),
                    current.folder().toAbsolutePath().normalize().toString());
        } else {
            RecommendedConfig config = config().orElseThrow(() -> new IOException(
                    "no configuration to recommend: the folder holds no learning-rate sweep"));
            text = name.endsWith(".yaml") || name.endsWith(".yml") ? ConfigFiles.yaml(config) : ConfigFiles.json(config);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
