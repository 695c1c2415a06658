package dev.tunescope.io;

import java.nio.file.Path;
import java.util.List;

/** Finds every run under a folder, in any supported format. (Filled in with the readers.) */
public final class RunDiscovery {
    private RunDiscovery() {
    }

    public static List<RunSource> discover(Path root) {
        return List.of();
    }
}
