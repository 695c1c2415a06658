package dev.tunescope.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Folders of many runs of two points each, Lightning {@code metrics.csv} files in {@code g000/run_000000} and so
 * on, a thousand a folder: what a hyperparameter search that logs little leaves behind, and where the fixed
 * costs of each run and series, not the points, decide what fits in the heap.
 */
public final class TinyRuns {
    private TinyRuns() {
    }

    public static Path write(Path folder, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            Path run = Files.createDirectories(folder.resolve(String.format(Locale.ROOT, "g%03d/run_%06d",
                    i / 1000, i)));
            Files.writeString(run.resolve("metrics.csv"), "epoch,step,loss\r\n0,0,1.0\r\n0,1,0.9\r\n");
        }
        return folder;
    }
}
