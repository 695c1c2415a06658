package dev.tunescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way readers open files: only after checking that the path (links followed) is a regular file. A named
 * pipe named like a log ({@code metrics.jsonl}, {@code hparams.yaml}) would otherwise block {@code open()} until
 * a writer appears, and with it the whole folder being read. The check and the open are two steps, so a file
 * swapped for a pipe in between can still block; nothing in the Java file API opens without blocking.
 */
final class RegularFiles {
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int NAMED_PIPE = 0010000;
    private static final int SOCKET = 0140000;
    private static final int CHARACTER_DEVICE = 0020000;
    private static final int BLOCK_DEVICE = 0060000;

    private RegularFiles() {
    }

    /** Opens {@code file} for reading; {@link NotRegularFileException} where it is not a regular file. */
    static FileChannel open(Path file) throws IOException {
        requireRegular(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        // off the local disk (an SFTP server's file), reads go through one pipelined stream: see the class
        return file.getFileSystem() == java.nio.file.FileSystems.getDefault() ? channel
                : new SequentialReadChannel(file, channel);
    }

    static InputStream newInputStream(Path file) throws IOException {
        return Channels.newInputStream(open(file));
    }

    /** Throws {@link java.nio.file.NoSuchFileException} where it is missing, or where it is not a regular file. */
    static void requireRegular(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new NotRegularFileException(kind(file, attributes));
        }
    }

    /** True where {@code path} exists and is something other than a folder (a file, or a pipe to warn about). */
    static boolean existsAsNonDirectory(Path path) {
        return Files.exists(path) && !Files.isDirectory(path);
    }

    private static String kind(Path file, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer bits) {
                return switch (bits & FILE_TYPE_MASK) {
                    case NAMED_PIPE -> "a named pipe (FIFO)";
                    case SOCKET -> "a socket";
                    case CHARACTER_DEVICE, BLOCK_DEVICE -> "a device";
                    default -> "a special file";
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException noUnixView) {
            // a file system without Unix modes (SFTP, Windows): the kind stays general
        }
        return "a special file (a pipe, socket or device)";
    }
}
