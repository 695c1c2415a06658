package dev.tunescope.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies of real runs (the fixtures, the sample runs) to damage or multiply without touching the originals. */
public final class RunCopies {
    private RunCopies() {
    }

    /** Copies the folder {@code from} with everything under it to {@code to}; the copies are writable. */
    public static Path copy(Path from, Path to) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.toList();
        }
        for (Path source : paths) {
            Path target = to.resolve(from.relativize(source).toString());
            if (Files.isDirectory(source)) {
                Files.createDirectories(target);
            } else {
                Files.copy(source, target);
                target.toFile().setWritable(true);
            }
        }
        return to;
    }
}
