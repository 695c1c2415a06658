package dev.tunescope.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Temporary folders for property tests, which make one per try (JUnit's @TempDir serves a whole test). */
public final class TempFolders {
    private TempFolders() {
    }

    /** Deletes {@code dir} and everything under it; a folder left behind is harmless, so failures are ignored. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // nothing to do: the operating system cleans its temporary folder
        }
    }
}
