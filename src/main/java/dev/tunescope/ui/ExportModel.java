package dev.tunescope.ui;

import dev.tunescope.cli.VersionProvider;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.export.ConfigFiles;
import dev.tunescope.export.DiagnosisReport;
import dev.tunescope.export.RecommendedConfig;
import dev.tunescope.workspace.Recommendation;
import dev.tunescope.workspace.Workspace;
import java.io.IOException;
import dev.tunescope.io.AtomicFiles;
import java.nio.file.Path;
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

    /**
     * Writes the config or the report in the chosen format, whole or not at all, to {@code file} with the format's
     * extension added if it lacks it; returns the file written.
     */
    public Path save(Path file, ExportFormat format) throws IOException {
        Path target = format.fileFor(file);
        AtomicFiles.writeString(target, text(format));
        return target;
    }

    private String text(ExportFormat format) throws IOException {
        if (format == ExportFormat.HTML) {
            Workspace current = workspace.workspaceProperty().get();
            Diagnosis diagnosis = workspace.diagnosisProperty().get().orElseThrow(() -> new IOException(
                    "nothing is diagnosed yet"));
            return DiagnosisReport.html(diagnosis, config(), VersionProvider.version(),
                    current.folder().toAbsolutePath().normalize().toString());
        }
        RecommendedConfig config = config().orElseThrow(() -> new IOException(
                "no configuration to recommend: the folder holds no learning-rate sweep"));
        return format == ExportFormat.YAML ? ConfigFiles.yaml(config) : ConfigFiles.json(config);
    }
}
