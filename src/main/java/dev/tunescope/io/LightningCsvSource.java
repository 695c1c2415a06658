package dev.tunescope.io;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Lightning {@code CSVLogger} run folder (see {@link LightningCsvFormat}), re-read as training appends to it.
 * Every metric column is a tag and keeps Lightning's 0-based steps as written, so a run compared with one read
 * from TensorBoard sits one step to the left. Hyperparameters come from {@code hparams.yaml}, else from the
 * folder name. Lightning records no run status.
 */
public final class LightningCsvSource implements RunSource {
    private final String path;
    private final String name;
    private final CsvLogReader metrics;
    private final HparamsYaml hparams;
    private final Hyperparameters fromFolderName;

    /** @param relativePath where {@code runDir} lies relative to the folder the user opened ("." for itself) */
    public LightningCsvSource(Path runDir, String relativePath) {
        this.path = relativePath;
        Path folderName = runDir.toAbsolutePath().normalize().getFileName();
        this.name = folderName == null ? runDir.toString() : folderName.toString();
        this.metrics = new CsvLogReader(runDir.resolve(LightningCsvFormat.METRICS_FILE),
                inRun(relativePath, LightningCsvFormat.METRICS_FILE), LightningCsvFormat.LAYOUT);
        this.hparams = new HparamsYaml(runDir.resolve(LightningCsvFormat.HPARAMS_FILE),
                inRun(relativePath, LightningCsvFormat.HPARAMS_FILE));
        this.fromFolderName = FolderNameHyperparameters.parse(name);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public RunFormat format() {
        return RunFormat.LIGHTNING_CSV;
    }

    @Override
    public synchronized Run refresh() {
        CsvLogReader.Snapshot read = metrics.read();
        HparamsYaml.Result saved = hparams.read();
        List<ReadWarning> warnings = new ArrayList<>(read.warnings());
        warnings.addAll(saved.warnings());
        return new Run(path, name, RunFormat.LIGHTNING_CSV, RunStatus.UNKNOWN, saved.values().orElse(fromFolderName),
                read.scalars(), Map.of(), warnings);
    }

    /** A file's name in warnings: its path relative to the folder the user opened. */
    private static String inRun(String relativePath, String file) {
        return relativePath.isEmpty() || relativePath.equals(".") ? file : relativePath + "/" + file;
    }
}
