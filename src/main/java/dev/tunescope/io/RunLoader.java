package dev.tunescope.io;

import dev.tunescope.run.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads every run under a folder once. */
public final class RunLoader {
    private RunLoader() {
    }

    public static List<Run> loadAll(Path root) throws IOException {
        return RunDiscovery.discover(root).stream().map(RunSource::refresh).toList();
    }
}
