package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.RunFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds every run under a folder the user opened, in every supported format, at any depth. Hidden folders
 * (such as MLflow's {@code .trash}) and symbolic links are not followed. A run's own folder is still searched
 * further, since formats nest (TensorFlow writes {@code run/train} and {@code run/validation}).
 *
 * <p>A folder or file that cannot be read (no permission, a path longer than the system allows) is skipped with a
 * warning naming it, and the rest of the folder is still searched.
 */
public final class RunDiscovery {
    /** Paths longer than this are shortened in warnings (a path past PATH_MAX is thousands of characters). */
    private static final int SHOWN_PATH = 160;

    private RunDiscovery() {
    }

    /**
     * @param runs     where the runs found lie, sorted by path
     * @param warnings the places that could not be searched, relative to the folder opened
     */
    public record Found(List<RunLocation> runs, List<ReadWarning> warnings) {
        public Found {
            runs = List.copyOf(runs);
            warnings = List.copyOf(warnings);
        }
    }

    /** The runs under {@code root}, sorted by path; {@code root} may itself be a run, or one run's log file. */
    public static List<RunSource> discover(Path root) throws IOException {
        return find(root, Integer.MAX_VALUE).runs().stream().map(RunLocation::open).toList();
    }

    /**
     * As {@link #discover}, with what could not be searched, listing at most {@code maxRuns} runs: past that the
     * search stops with a warning, so that a folder of more runs than the heap can even list is refused in words
     * rather than by an out-of-memory error.
     */
    public static Found find(Path root, int maxRuns) throws IOException {
        return find(root, maxRuns, FolderThreads.forFolder(root));
    }

    /** As {@link #find(Path, int)}, looking into folders on {@code threads} threads. */
    static Found find(Path root, int maxRuns, int threads) throws IOException {
        Path start = root.toAbsolutePath().normalize();
        if (Files.isRegularFile(start)) {
            return new Found(fromFile(start), List.of());
        }
        List<RunLocation> found = new ArrayList<>();
        List<ReadWarning> warnings = new ArrayList<>();
        if (!Files.isDirectory(start) && Files.exists(start)) {
            try {
                RegularFiles.requireRegular(start);
            } catch (IOException notAFile) {
                warnings.add(ReadWarning.wholeFile(start.toString(), FailureText.of(notAFile)));
            }
            return new Found(found, warnings);
        }
        try {
            walk(start, maxRuns, threads, found, warnings);
        } catch (UncheckedIOException brokenOff) {
            // A listing that fails as it starts throws this out of the walk on some file systems (MINA's SFTP, when
            // the connection drops): walked again once from the top, on the connection re-opened under it.
            found.clear();
            warnings.clear();
            try {
                walk(start, maxRuns, threads, found, warnings);
            } catch (UncheckedIOException again) {
                throw again.getCause();
            }
        }
        found.sort(Comparator.comparing(RunLocation::path));
        return new Found(found, warnings);
    }

    private static void walk(Path start, int maxRuns, int threads, List<RunLocation> found,
                             List<ReadWarning> warnings) throws IOException {
        try (FolderSearch search = new FolderSearch(maxRuns, threads,
                folder -> runsIn(folder.dir(), folder.relative(), start), found, warnings)) {
            walk(start, search);
            search.finish();
        }
    }

    private static void walk(Path start, FolderSearch search) throws IOException {
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(start) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (TensorBoardFormat.isHparamsSubfolder(dir) && TensorBoardFormat.isRunDirectory(dir.getParent())) {
                    return FileVisitResult.SKIP_SUBTREE; // read as part of the run above it
                }
                return search.add(dir, relativePath(start, dir)) ? FileVisitResult.CONTINUE
                        : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException unreadable) {
                // an unreadable corner must not hide the rest of the folder, nor vanish without a word
                search.failed(ReadWarning.wholeFile(shown(relativePath(start, file)), FailureText.of(unreadable)
                        + "; any runs in it were not found"));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A path as a warning shows it: whole, or its two ends around its length when it is very long. */
    static String shown(String path) {
        if (path.length() <= SHOWN_PATH) {
            return path;
        }
        return path.substring(0, SHOWN_PATH / 2 - 10) + "..." + path.substring(path.length() - SHOWN_PATH / 2 + 10)
                + " (a path of " + path.length() + " characters)";
    }

    /** The runs whose files lie directly in {@code dir}. */
    private static List<RunLocation> runsIn(Path dir, String relative, Path root) {
        List<RunLocation> runs = new ArrayList<>();
        if (TensorBoardFormat.isRunDirectory(dir)) {
            runs.add(new RunLocation(dir, relative, RunFormat.TENSORBOARD));
        }
        if (LightningCsvFormat.isRunDirectory(dir)) {
            runs.add(new RunLocation(dir, relative, RunFormat.LIGHTNING_CSV));
        }
        if (MlflowFormat.isRunDirectory(dir)) {
            runs.add(new RunLocation(dir, relative, RunFormat.MLFLOW));
        }
        if (TunescopeFormat.isRunDirectory(dir)) {
            runs.add(new RunLocation(dir, relative, RunFormat.TUNESCOPE));
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(KerasCsvFormat::isKerasLog).sorted()
                    .forEach(file -> runs.add(new RunLocation(file, relativePath(root, file), RunFormat.KERAS_CSV)));
        } catch (IOException | UncheckedIOException unreadable) {
            // an unlistable folder has no runs we can read
        }
        return runs;
    }

    /** A single file named on the command line: the run it belongs to. */
    private static List<RunLocation> fromFile(Path file) {
        if (KerasCsvFormat.isKerasLog(file)) {
            return List.of(new RunLocation(file, file.getFileName().toString(), RunFormat.KERAS_CSV));
        }
        Path dir = file.getParent();
        return runsIn(dir, ".", dir).stream().filter(run -> !run.path().contains("/")).toList();
    }

    static String relativePath(Path root, Path target) {
        String relative = root.relativize(target).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}
