package dev.tunescope.io;

import dev.tunescope.run.RunFormat;
import java.nio.file.Path;

/**
 * Where discovery found a run: enough to open its {@link RunSource} later. A source holds its readers and their
 * state (about 1 KB before anything is read), a location about a quarter of that, so a folder of 100,000 runs
 * can be listed first and its runs opened one at a time.
 *
 * @param location the run's folder, or its log file for a Keras CSV log
 * @param path     where it lies relative to the folder the user opened ("." for that folder itself)
 * @param format   the format found there
 */
public record RunLocation(Path location, String path, RunFormat format) {

    /** A new source for the run, nothing read yet. */
    public RunSource open() {
        return switch (format) {
            case TENSORBOARD -> new TensorBoardRunSource(location, path);
            case LIGHTNING_CSV -> new LightningCsvSource(location, path);
            case KERAS_CSV -> new KerasCsvSource(location, path);
            case MLFLOW -> new MlflowRunSource(location, path);
            case TUNESCOPE -> new TunescopeRunSource(location, path);
        };
    }
}
