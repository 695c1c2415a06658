package dev.tunescope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How TensorBoard runs look on disk: a run is a folder holding event files ({@code *tfevents*}). A sub-folder
 * named by a float timestamp ({@code 1795436460.082747}) holding event files is what tensorboardX's
 * {@code add_hparams} writes for the same trial; it belongs to the folder above it, not to a run of its own.
 */
public final class TensorBoardFormat {
    private static final Pattern TIMESTAMP_FOLDER = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern EVENT_FILE_TIME = Pattern.compile("tfevents\\.(\\d+)");

    private TensorBoardFormat() {
    }

    /**
     * Named like an event file and not a folder. A named pipe so named counts too: the run's reader then reports
     * it instead of it vanishing without a word (it is never opened).
     */
    public static boolean isEventFile(Path file) {
        return file.getFileName().toString().contains("tfevents") && RegularFiles.existsAsNonDirectory(file);
    }

    public static boolean isHparamsSubfolder(Path dir) {
        Path name = dir.getFileName(); // none for a file system's root, which is nobody's subfolder
        return name != null && TIMESTAMP_FOLDER.matcher(name.toString()).matches() && !eventFiles(dir).isEmpty();
    }

    public static boolean isRunDirectory(Path dir) {
        return !eventFiles(dir).isEmpty() && !isHparamsSubfolder(dir);
    }

    /** The event files directly in {@code dir}, oldest first (by the creation time in their names). */
    static List<Path> eventFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(TensorBoardFormat::isEventFile)
                    .sorted(Comparator.comparingLong(TensorBoardFormat::creationTime).thenComparing(Path::toString))
                    .toList();
        } catch (IOException | UncheckedIOException unreadable) {
            // a listing fails part way as an unchecked exception (a connection dropped while it was sent)
            return List.of();
        }
    }

    /** The hparams sub-folders of a run folder. */
    static List<Path> hparamsSubfolders(Path runDir) {
        try (Stream<Path> children = Files.list(runDir)) {
            return children.filter(Files::isDirectory).filter(TensorBoardFormat::isHparamsSubfolder).sorted().toList();
        } catch (IOException | UncheckedIOException unreadable) {
            return List.of();
        }
    }

    private static long creationTime(Path eventFile) {
        Matcher m = EVENT_FILE_TIME.matcher(eventFile.getFileName().toString());
        if (m.find()) {
            try {
                return Long.parseLong(m.group(1));
            } catch (NumberFormatException tooLong) {
                return Long.MAX_VALUE;
            }
        }
        return Long.MAX_VALUE;
    }
}
