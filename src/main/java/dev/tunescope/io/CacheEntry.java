package dev.tunescope.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One run folder's place in the {@link RunCache}: a folder holding {@value #INDEX} (what was read, written whole
 * and atomically, so a reader finds the last complete one or none), the block files it names, and {@value #LOCK},
 * which whoever reads or writes the entry holds (an operating-system lock, dropped however the process ends).
 * A rebuilt entry writes a new block file and removes the old ones: nothing mapped is ever overwritten.
 */
final class CacheEntry {
    static final String INDEX = "index.bin";
    static final String LOCK = "lock";
    private static final String BLOCKS_PREFIX = "blocks-";

    private final Path dir;
    private final String key;
    private final HeldFileLock lock;
    private final RunCache.Allowance allowance;

    private CacheEntry(Path dir, String key, HeldFileLock lock, RunCache.Allowance allowance) {
        this.dir = dir;
        this.key = key;
        this.lock = lock;
        this.allowance = allowance;
    }

    /** The entry in {@code dir}, locked; empty when another reader holds it. */
    static Optional<CacheEntry> open(Path dir, String key, RunCache.Allowance allowance) throws IOException {
        Files.createDirectories(dir);
        return HeldFileLock.tryLock(dir.resolve(LOCK)).map(lock -> new CacheEntry(dir, key, lock, allowance));
    }

    /** The run folder the entry is for (its absolute path), written into the index to check a hash collision. */
    String key() {
        return key;
    }

    Optional<byte[]> readIndex() {
        try {
            return Optional.of(Files.readAllBytes(dir.resolve(INDEX)));
        } catch (IOException none) {
            return Optional.empty();
        }
    }

    void writeIndex(byte[] index) throws IOException {
        AtomicFiles.write(dir.resolve(INDEX), index);
    }

    /** The block file an index names. */
    SpillFile blocks(String name) {
        return new SpillFile(dir.resolve(name), allowance);
    }

    /** A new, empty block file for an entry read afresh. */
    SpillFile newBlocks() {
        return blocks(BLOCKS_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + ".bin");
    }

    /** Removes the block files other than {@code keep} (left by a rebuilt entry), giving their room back. */
    void removeBlocksOtherThan(String keep) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, BLOCKS_PREFIX + "*")) {
            for (Path file : files) {
                if (!file.getFileName().toString().equals(keep)) {
                    long size = Files.size(file);
                    Files.deleteIfExists(file);
                    allowance.giveBack(size);
                }
            }
        } catch (IOException leftBehind) {
            // removed with the entry when the cache is cleared or the entry is evicted
        }
    }

    void release() {
        try {
            lock.close();
        } catch (IOException alreadyGone) {
            // the kernel drops the lock with the channel
        }
    }

    /** Removes an entry no one holds, returning the bytes freed; 0 when it is in use. */
    static long removeIfUnused(Path dir) throws IOException {
        Optional<HeldFileLock> lock = HeldFileLock.tryLock(dir.resolve(LOCK));
        if (lock.isEmpty()) {
            return 0;
        }
        long freed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                if (!file.getFileName().toString().equals(LOCK)) {
                    freed += Files.size(file);
                    Files.deleteIfExists(file);
                }
            }
        } finally {
            lock.get().close();
        }
        try {
            Files.deleteIfExists(dir.resolve(LOCK));
            Files.deleteIfExists(dir);
        } catch (NoSuchFileException | java.nio.file.DirectoryNotEmptyException reused) {
            // another process opened the entry again meanwhile: it is theirs now
        }
        return freed;
    }
}
