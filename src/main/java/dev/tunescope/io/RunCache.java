package dev.tunescope.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run cache: for each run folder read, its points as memory-mapped blocks and an index of how far each of its
 * files was read, so that reopening the folder parses only what was appended since and a run larger than the heap
 * is held outside it. One entry a run folder, named by a hash of its absolute path; see {@link CacheEntry}.
 *
 * <p>Bounded: the entries together take at most {@link #maxBytes()} (32 GB unless
 * {@value #MAX_PROPERTY} says otherwise); past that the least recently used entries that no process is using are
 * removed, and when none can be a run's further blocks stay on the heap. {@link #clear()} removes every entry not
 * in use. Only folders on this machine's own file system are cached.
 *
 * <p>Where it lives: {@value #PROPERTY} (a folder, or {@code off}), else {@code $XDG_CACHE_HOME/tunescope/runs},
 * else {@code ~/.cache/tunescope/runs}. The command line and the app use it; the library reads without a cache
 * unless {@link #share} was called (tests choose their own).
 */
public final class RunCache {
    public static final String PROPERTY = "tunescope.cache";
    public static final String MAX_PROPERTY = "tunescope.cache.max-gb";
    static final long DEFAULT_MAX_BYTES = 32L << 30;
    private static final RunCache OFF = new RunCache(null, 0);
    private static volatile RunCache shared = OFF;

    private final Path root;
    private final long maxBytes;
    private final Allowance allowance = new Allowance();

    private RunCache(Path root, long maxBytes) {
        this.root = root;
        this.maxBytes = maxBytes;
    }

    /** A cache in {@code root}, at most {@code maxBytes} on disk. */
    public static RunCache at(Path root, long maxBytes) {
        return new RunCache(root.toAbsolutePath().normalize(), maxBytes);
    }

    /** No cache: every run is read from its files into the heap. */
    public static RunCache off() {
        return OFF;
    }

    /** The cache the user's settings name (see the class comment). */
    public static RunCache fromSettings() {
        String setting = System.getProperty(PROPERTY, "").strip();
        if (setting.equalsIgnoreCase("off")) {
            return OFF;
        }
        Path folder = setting.isEmpty() ? defaultLocation() : Path.of(setting);
        long max = DEFAULT_MAX_BYTES;
        String limit = System.getProperty(MAX_PROPERTY, "").strip();
        if (!limit.isEmpty()) {
            try {
                max = (long) (Double.parseDouble(limit) * (1L << 30));
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("-D" + MAX_PROPERTY + " must be a number of gigabytes, got '"
                        + limit + "'");
            }
        }
        return at(folder, max);
    }

    static Path defaultLocation() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("tunescope").resolve("runs");
    }

    /** The cache the readers use from now on in this JVM. */
    public static void share(RunCache cache) {
        shared = cache;
    }

    public static RunCache shared() {
        return shared;
    }

    public boolean enabled() {
        return root != null;
    }

    public Path root() {
        return root;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** The entry of {@code runDir}, locked for this caller; empty when off, elsewhere, or in use by another. */
    Optional<CacheEntry> open(Path runDir) {
        if (root == null || runDir.getFileSystem() != FileSystems.getDefault()) {
            return Optional.empty();
        }
        String key = runDir.toAbsolutePath().normalize().toString();
        try {
            return CacheEntry.open(root.resolve(hash(key)), key, allowance);
        } catch (IOException | RuntimeException unusable) {
            return Optional.empty(); // a cache that cannot be used is no cache; the run is read from its files
        }
    }

    /** Bytes the entries take on disk now. */
    public long sizeBytes() throws IOException {
        if (root == null || !Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(RunCache::sizeOf).sum();
        }
    }

    /** Removes every entry no process is using; returns the bytes freed. */
    public long clear() throws IOException {
        long freed = 0;
        for (Path entry : entries()) {
            freed += CacheEntry.removeIfUnused(entry);
        }
        allowance.reset();
        return freed;
    }

    private List<Path> entries() throws IOException {
        List<Path> entries = new ArrayList<>();
        if (root == null || !Files.isDirectory(root)) {
            return entries;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
            children.forEach(entries::add);
        }
        return entries;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * What the entries may still grow by in this JVM: counted from their size on disk when first asked, and
     * freed by removing the least recently used entries that no one is using.
     */
    final class Allowance {
        private long used = -1;

        synchronized boolean take(long bytes) {
            try {
                if (used < 0) {
                    used = sizeBytes();
                }
                if (used + bytes > maxBytes) {
                    List<Path> oldestFirst = new ArrayList<>(entries());
                    oldestFirst.sort(Comparator.comparing(RunCache::lastUsed));
                    for (Path entry : oldestFirst) {
                        if (used + bytes <= maxBytes) {
                            break;
                        }
                        used -= CacheEntry.removeIfUnused(entry);
                    }
                }
            } catch (IOException unreadable) {
                return false;
            }
            if (used + bytes > maxBytes) {
                return false;
            }
            used += bytes;
            return true;
        }

        synchronized void giveBack(long bytes) {
            used -= bytes;
        }

        synchronized void reset() {
            used = -1;
        }
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry.resolve(CacheEntry.INDEX));
        } catch (IOException none) {
            return FileTime.fromMillis(0);
        }
    }
}
