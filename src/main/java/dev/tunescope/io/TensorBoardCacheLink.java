package dev.tunescope.io;

import dev.tunescope.run.HyperparameterValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32C;

/**
 * A {@link TensorBoardRunSource}'s place in the {@link RunCache}. At the first refresh it restores what an earlier
 * read of the same folder saved, when every file it read still holds ({@link FileRead}), so that only bytes
 * appended since are parsed; from then on full point blocks go into the entry's block file instead of the heap,
 * and at the end of a refresh the index is written (atomically, after the blocks are forced to the device). The
 * entry is locked only during a refresh; a source that finds the index rewritten by another reader meanwhile
 * stops using the cache and goes on on the heap.
 *
 * <p>Index layout: magic, version, the run folder's path, a stamp (new at every write), the block file's name and
 * segments, the hparams plugin's values, the files read, the two collectors ({@link CollectorState}), and a
 * CRC32C of everything before it.
 */
final class TensorBoardCacheLink {
    private static final int MAGIC = 0x54534331; // "TSC1"
    private static final int VERSION = 1;
    /** A live run's index is rewritten at most this often: each write also stores every series' last block. */
    private static final long COMMIT_INTERVAL_NANOS = 30_000_000_000L;
    /** Past this many segments (a run appended to over many sessions) the entry is read afresh. */
    private static final int MOST_SEGMENTS = 512;

    /** What the source holds, handed over so this class can save and restore it. */
    interface Holder {
        SeriesCollector main();

        SeriesCollector hparamsRuns();

        Map<Path, EventFileTail> tails();

        Map<String, HyperparameterValue> pluginHparams();

        void restoreHparams(Map<String, HyperparameterValue> values);

        EventFileTail tailOf(Path file);
    }

    private final RunCache cache;
    private final Path dir;
    private CacheEntry entry; // held during a refresh only
    private SpillFile blocks;
    private boolean off; // never cached, or another reader took the entry over
    private long stamp;
    private long lastCommit;
    private boolean restored;

    TensorBoardCacheLink(RunCache cache, Path dir) {
        this.cache = cache;
        this.dir = dir;
        this.off = !cache.enabled();
    }

    /** True when this run's points came from the cache (for tests and the benchmark). */
    boolean restored() {
        return restored;
    }

    /**
     * Opens the entry for a refresh. At the first one, restores {@code holder} from it when every file it records
     * still holds and names the first of its list; otherwise starts a new block file.
     */
    void begin(Holder holder, List<Path> mainFiles, List<Path> hparamsFiles, boolean first) {
        if (off) {
            return;
        }
        entry = cache.open(dir).orElse(null);
        if (entry == null) {
            stop(); // in use by another reader: this source reads on the heap
            return;
        }
        if (!first) {
            if (readStamp() != stamp) {
                stop(); // rewritten by another reader since our last write: ours would overwrite theirs
            }
            return;
        }
        try {
            if (tryRestore(holder, mainFiles, hparamsFiles)) {
                restored = true;
            } else {
                clear(holder);
            }
        } catch (IOException | RuntimeException damaged) {
            clear(holder);
        }
        holder.main().spillTo(blocks);
        holder.hparamsRuns().spillTo(blocks);
    }

    /** The source read its files again from the start: its blocks go to a new file. */
    void startedOver(Holder holder) {
        if (off || entry == null) {
            return;
        }
        blocks = entry.newBlocks();
        holder.main().spillTo(blocks);
        holder.hparamsRuns().spillTo(blocks);
        lastCommit = 0;
    }

    /** Ends a refresh: writes the index when something was read (at most every 30 s), and lets the entry go. */
    void end(Holder holder, List<Path> mainFiles, List<Path> hparamsFiles, boolean readSomething) {
        if (entry == null) {
            return;
        }
        try {
            long now = System.nanoTime();
            boolean due = lastCommit == 0 || now - lastCommit >= COMMIT_INTERVAL_NANOS;
            if (!off && readSomething && due && blocks.inUse()) {
                commit(holder, mainFiles, hparamsFiles);
                lastCommit = now;
            }
        } catch (IOException | RuntimeException unwritable) {
            stop(); // a cache that cannot be written is no cache; what was read stays on the heap
        } finally {
            entry.release();
            entry = null;
        }
    }

    private void stop() {
        off = true;
        if (blocks != null) {
            blocks.stop();
        }
        if (entry != null) {
            entry.release();
            entry = null;
        }
    }

    private void clear(Holder holder) {
        holder.main().clear();
        holder.hparamsRuns().clear();
        holder.tails().clear();
        holder.restoreHparams(Map.of());
        blocks = entry.newBlocks();
    }

    private long readStamp() {
        Optional<byte[]> index = entry.readIndex();
        if (index.isEmpty()) {
            return 0;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(index.get()))) {
            return in.readInt() == MAGIC && in.readInt() == VERSION && CollectorState.readString(in)
                    .equals(entry.key()) ? in.readLong() : 0;
        } catch (IOException | RuntimeException damaged) {
            return 0;
        }
    }

    private boolean tryRestore(Holder holder, List<Path> mainFiles, List<Path> hparamsFiles) throws IOException {
        Optional<byte[]> index = entry.readIndex();
        if (index.isEmpty() || !checksumHolds(index.get())) {
            return false;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(index.get()));
        if (in.readInt() != MAGIC || in.readInt() != VERSION || !CollectorState.readString(in).equals(entry.key())) {
            return false;
        }
        long savedStamp = in.readLong();
        String blocksName = CollectorState.readString(in);
        int segmentCount = CollectorState.count(in);
        if (segmentCount > MOST_SEGMENTS) {
            return false;
        }
        List<SpillFile.Segment> segments = new ArrayList<>();
        for (int s = 0; s < segmentCount; s++) {
            segments.add(new SpillFile.Segment(in.readLong(), in.readInt()));
        }
        Map<String, HyperparameterValue> hparams = readHparams(in);
        int fileCount = CollectorState.count(in);
        List<FileRead> files = new ArrayList<>();
        for (int f = 0; f < fileCount; f++) {
            files.add(new FileRead(CollectorState.readString(in), in.readInt(), in.readLong(), in.readLong(),
                    in.readLong(), in.readInt(), in.readInt()));
        }
        if (!filesHold(files, List.of(mainFiles, hparamsFiles))) {
            return false;
        }
        SpillFile restoredBlocks = entry.blocks(blocksName);
        if (!restoredBlocks.restore(segments)) {
            return false;
        }
        CollectorState.read(in, holder.main(), restoredBlocks);
        CollectorState.read(in, holder.hparamsRuns(), restoredBlocks);
        for (FileRead file : files) {
            holder.tailOf(dir.resolve(file.name())).resume(file.offset(), file.size());
        }
        holder.restoreHparams(hparams);
        blocks = restoredBlocks;
        stamp = savedStamp;
        return true;
    }

    /** Every recorded file still holds, and the recorded ones come first in their list (new ones only after). */
    private boolean filesHold(List<FileRead> files, List<List<Path>> lists) {
        int[] seen = new int[lists.size()];
        for (FileRead file : files) {
            if (file.list() < 0 || file.list() >= lists.size()) {
                return false;
            }
            List<Path> list = lists.get(file.list());
            int at = seen[file.list()]++;
            if (at >= list.size() || !list.get(at).equals(dir.resolve(file.name()))
                    || !file.stillHolds(list.get(at))) {
                return false;
            }
        }
        return true;
    }

    private void commit(Holder holder, List<Path> mainFiles, List<Path> hparamsFiles) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        long newStamp = ThreadLocalRandom.current().nextLong() | 1; // never 0, which stands for "no index"
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        CollectorState.writeString(out, entry.key());
        out.writeLong(newStamp);
        // the collectors first, into a buffer of their own: storing their last blocks may add a segment
        ByteArrayOutputStream collectorBytes = new ByteArrayOutputStream();
        DataOutputStream collectors = new DataOutputStream(collectorBytes);
        if (!CollectorState.write(collectors, holder.main(), blocks)
                || !CollectorState.write(collectors, holder.hparamsRuns(), blocks)) {
            stop();
            return;
        }
        CollectorState.writeString(out, blocks.path().getFileName().toString());
        List<SpillFile.Segment> segments = blocks.segments();
        out.writeInt(segments.size());
        for (SpillFile.Segment segment : segments) {
            out.writeLong(segment.start());
            out.writeInt(segment.length());
        }
        writeHparams(out, holder.pluginHparams());
        List<FileRead> files = new ArrayList<>();
        List<List<Path>> lists = List.of(mainFiles, hparamsFiles);
        for (int list = 0; list < lists.size(); list++) {
            for (Path file : lists.get(list)) {
                EventFileTail tail = holder.tails().get(file);
                if (tail != null) {
                    files.add(FileRead.of(file, dir.relativize(file).toString(), list, tail.offset(), tail.size()));
                }
            }
        }
        out.writeInt(files.size());
        for (FileRead file : files) {
            CollectorState.writeString(out, file.name());
            out.writeInt(file.list());
            out.writeLong(file.offset());
            out.writeLong(file.size());
            out.writeLong(file.modified());
            out.writeInt(file.headCrc());
            out.writeInt(file.tailCrc());
        }
        collectorBytes.writeTo(out);
        out.flush();
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        blocks.force();
        entry.writeIndex(bytes.toByteArray());
        entry.removeBlocksOtherThan(blocks.path().getFileName().toString());
        stamp = newStamp;
    }

    private static boolean checksumHolds(byte[] index) {
        if (index.length < 4) {
            return false;
        }
        CRC32C crc = new CRC32C();
        crc.update(index, 0, index.length - 4);
        int stored = ((index[index.length - 4] & 0xff) << 24) | ((index[index.length - 3] & 0xff) << 16)
                | ((index[index.length - 2] & 0xff) << 8) | (index[index.length - 1] & 0xff);
        return (int) crc.getValue() == stored;
    }

    private static void writeHparams(DataOutputStream out, Map<String, HyperparameterValue> values)
            throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, HyperparameterValue> value : values.entrySet()) {
            CollectorState.writeString(out, value.getKey());
            switch (value.getValue()) {
                case HyperparameterValue.Number number -> {
                    out.writeByte('N');
                    out.writeDouble(number.value());
                }
                case HyperparameterValue.Text text -> {
                    out.writeByte('T');
                    CollectorState.writeString(out, text.value());
                }
                case HyperparameterValue.Flag flag -> {
                    out.writeByte('F');
                    out.writeBoolean(flag.value());
                }
            }
        }
    }

    private static Map<String, HyperparameterValue> readHparams(DataInputStream in) throws IOException {
        int count = CollectorState.count(in);
        Map<String, HyperparameterValue> values = new LinkedHashMap<>();
        for (int v = 0; v < count; v++) {
            String key = CollectorState.readString(in);
            int kind = in.readByte();
            values.put(key, switch (kind) {
                case 'N' -> new HyperparameterValue.Number(in.readDouble());
                case 'T' -> new HyperparameterValue.Text(CollectorState.readString(in));
                case 'F' -> new HyperparameterValue.Flag(in.readBoolean());
                default -> throw new IllegalArgumentException("a damaged hyperparameter in a cache index");
            });
        }
        return values;
    }
}
