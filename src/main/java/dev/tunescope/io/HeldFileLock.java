package dev.tunescope.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An operating-system lock on a file, held by this process alone until closed; the kernel drops it however the
 * process ends, {@code kill -9} included. A second claim, from another process or from this one, is refused rather
 * than waited for.
 */
public final class HeldFileLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private HeldFileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code file}, creating it if needed.
     *
     * @return empty when another process, or another claim in this one, holds it
     */
    public static Optional<HeldFileLock> tryLock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        } catch (IOException | RuntimeException cannotLock) {
            channel.close();
            throw cannotLock;
        }
        if (lock == null) {
            channel.close();
            return Optional.empty();
        }
        return Optional.of(new HeldFileLock(channel, lock));
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
