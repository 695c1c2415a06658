package dev.tunescope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: every file Tunescope writes in one piece ({@code run.json},
 * {@code study.json}, exported configs and reports) goes through here, so a reader, a kill or a full disk never
 * finds half of one.
 *
 * <p>The bytes go to a temporary file in the target's own folder (so the rename below never crosses file
 * systems), are forced to the device, and the temporary file is renamed over the target, which readers then see
 * old or new, never in between; last the folder is synced, so the rename itself survives a power cut. When
 * anything fails the target is left as it was, the temporary file is removed, and the exception names the target
 * and says why in one line ({@code could not write /runs/a/run.json: No space left on device}).
 *
 * <p>The temporary file is created without explicit permissions, so a new file gets what the user's umask gives
 * every other file (a temporary-file API would make it 0600); a file that is replaced keeps its own permissions.
 * Works on any {@code java.nio} file system; the syncs are skipped where a file system cannot do them.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Replaces (or creates) {@code target} with {@code text} in UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Replaces (or creates) {@code target} with {@code bytes}; its folder must exist. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = createTemporary(folder, target.getFileName().toString());
            keepPermissions(target, temporary);
            try (SeekableByteChannel channel = Files.newByteChannel(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                if (channel instanceof FileChannel file) {
                    file.force(true);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING); // e.g. some remote file systems
            }
            temporary = null;
            syncFolder(folder);
        } catch (IOException failure) {
            throw new IOException("could not write " + target + ": " + reason(failure), failure);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException leftBehind) {
                    // a hidden temporary file is harmless; the first failure is the one to report
                }
            }
        }
    }

    /** Why an operation failed, in a few words, without the exception's class name. */
    public static String reason(IOException failure) {
        if (failure instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (fs instanceof NoSuchFileException) {
                return "no such file or folder";
            }
            if (fs instanceof AccessDeniedException) {
                return "permission denied";
            }
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** {@code .NAME.1a2b3c4d.tmp}: hidden, next to the target, and never a name another writer uses at once. */
    private static Path createTemporary(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = folder.resolve("." + name + "." + HexFormat.of().toHexDigits(
                    ThreadLocalRandom.current().nextInt()) + ".tmp");
            try {
                Files.newByteChannel(candidate, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return candidate;
            } catch (FileAlreadyExistsException taken) {
                if (attempt >= 100) {
                    throw taken;
                }
            }
        }
    }

    private static void keepPermissions(Path target, Path temporary) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null || !Files.isRegularFile(target)) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        Files.getFileAttributeView(temporary, PosixFileAttributeView.class).setPermissions(permissions);
    }

    /** Makes the rename durable; not every file system can open a folder, and then the rename is still done. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException cannot) {
            // best effort: the file's own data is already on the device
        }
    }
}
