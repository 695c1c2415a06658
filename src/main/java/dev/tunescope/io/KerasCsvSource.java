package dev.tunescope.io;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import java.nio.file.Path;
import java.util.Map;

/**
 * One Keras {@code CSVLogger} file (see {@link KerasCsvFormat}), re-read as epochs are appended. Each row's epoch
 * is its step, as written (0-based); every other column is a tag. Keras stores no hyperparameters next to the
 * log, so they are read off the folder holding it ({@code runs/lr=0.1/training.log}).
 */
public final class KerasCsvSource implements RunSource {
    private final String path;
    private final String name;
    private final CsvLogReader log;
    private final Hyperparameters hyperparameters;

    /** @param relativePath where {@code file} lies relative to the folder the user opened; warnings name it so */
    public KerasCsvSource(Path file, String relativePath) {
        this.path = relativePath;
        Path absolute = file.toAbsolutePath().normalize();
        String fileName = absolute.getFileName() == null ? file.toString() : absolute.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        this.name = dot > 0 ? fileName.substring(0, dot) : fileName;
        boolean opened = relativePath.isEmpty() || relativePath.equals(".");
        this.log = new CsvLogReader(file, opened ? fileName : relativePath, KerasCsvFormat.LAYOUT);
        Path parent = absolute.getParent();
        this.hyperparameters = parent == null || parent.getFileName() == null ? Hyperparameters.NONE
                : FolderNameHyperparameters.parse(parent.getFileName().toString());
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public RunFormat format() {
        return RunFormat.KERAS_CSV;
    }

    @Override
    public synchronized Run refresh() {
        CsvLogReader.Snapshot read = log.read();
        return new Run(path, name, RunFormat.KERAS_CSV, RunStatus.UNKNOWN, hyperparameters, read.scalars(), Map.of(),
                read.warnings());
    }
}
