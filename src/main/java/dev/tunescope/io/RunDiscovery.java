package dev.tunescope.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds every run under a folder the user opened, in every supported format, at any depth. Hidden folders
 * (such as MLflow's {@code .trash}) and symbolic links are not followed.
 */
public final class RunDiscovery {
    private RunDiscovery() {
    }

    /** The runs under {@code root}, sorted by path; {@code root} may itself be a run. */
    public static List<RunSource> discover(Path root) throws IOException {
        Path start = root.toAbsolutePath().normalize();
        List<RunSource> found = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(start) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                String relative = relativePath(start, dir);
                if (TensorBoardFormat.isHparamsSubfolder(dir) && TensorBoardFormat.isRunDirectory(dir.getParent())) {
                    return FileVisitResult.SKIP_SUBTREE; // read as part of the run above it
                }
                if (TensorBoardFormat.isRunDirectory(dir)) {
                    found.add(new TensorBoardRunSource(dir, relative));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException unreadable) {
                return FileVisitResult.CONTINUE; // an unreadable corner must not hide the rest of the folder
            }
        });
        found.sort(Comparator.comparing(RunSource::path));
        return found;
    }

    static String relativePath(Path root, Path target) {
        String relative = root.relativize(target).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}
