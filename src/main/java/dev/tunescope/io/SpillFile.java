package dev.tunescope.io;

import dev.tunescope.run.BlockSpace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The file of a run cache entry that holds point blocks outside the heap, memory-mapped in segments. New blocks go
 * into new segments at the file's end (1 MiB first, doubling to 64 MiB, so a small run takes little and a large one
 * few mappings); bytes once written are never written again and the file is never truncated, so a block mapped
 * by any reader stays what it was for as long as it is mapped. A segment is mapped whole, so the file's size is
 * always the end of its last segment: a writer that comes later starts after every byte anyone may hold.
 *
 * <p>A segment is the unit of the index: a block lies inside one segment, and a restored file maps the same
 * segments again (read-only) so that each block is found at the offset it was written at.
 */
final class SpillFile implements BlockSpace {
    static final int FIRST_SEGMENT = 1 << 20;
    static final int LARGEST_SEGMENT = 64 << 20;

    /** One mapped stretch of the file. */
    record Segment(long start, int length) {
    }

    private final Path path;
    private final RunCache.Allowance allowance;
    private FileChannel channel; // opened on the first reservation or restore
    private final List<Segment> segments = new ArrayList<>();
    private final List<ByteBuffer> mapped = new ArrayList<>();
    private ByteBuffer current; // the segment being filled, null before the first reservation
    private long currentStart;
    private int used; // bytes used in the current segment
    private boolean failed; // a mapping failed (the disk full, the allowance spent): no more reservations

    SpillFile(Path path, RunCache.Allowance allowance) {
        this.path = path;
        this.allowance = allowance;
    }

    Path path() {
        return path;
    }

    /** True once a block was written here or restored from here. */
    boolean inUse() {
        return !segments.isEmpty();
    }

    List<Segment> segments() {
        return List.copyOf(segments);
    }

    /** Maps the segments an index names, read-only, so that its blocks can be found; false when the file is short. */
    boolean restore(List<Segment> named) throws IOException {
        open();
        for (Segment segment : named) {
            if (segment.start() + segment.length() > channel.size()) {
                return false;
            }
        }
        for (Segment segment : named) {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_ONLY, segment.start(), segment.length());
            segments.add(segment);
            mapped.add(buffer.order(ByteOrder.LITTLE_ENDIAN));
        }
        return true;
    }

    /** The block at {@code position}, which lies in a mapped segment; null when none holds it. */
    Slot slotAt(long position) {
        for (int k = 0; k < segments.size(); k++) {
            Segment segment = segments.get(k);
            if (position >= segment.start() && position < segment.start() + segment.length()) {
                return new Slot(mapped.get(k), (int) (position - segment.start()), position);
            }
        }
        return null;
    }

    @Override
    public Slot reserve(int bytes) {
        if (failed || bytes > LARGEST_SEGMENT) {
            return null;
        }
        if (current == null || used + bytes > current.capacity()) {
            if (!mapNext(bytes)) {
                failed = true;
                return null;
            }
        }
        Slot slot = new Slot(current, used, currentStart + used);
        used += bytes;
        return slot;
    }

    private boolean mapNext(int bytes) {
        int length = current == null ? FIRST_SEGMENT : Math.min(LARGEST_SEGMENT, 2 * current.capacity());
        length = Math.max(length, bytes);
        if (!allowance.take(length)) {
            return false;
        }
        try {
            open();
            long start = channel.size();
            // mapping past the end grows the file to the segment's end: the size is where the next writer starts
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, start, length);
            current = buffer.order(ByteOrder.LITTLE_ENDIAN);
            currentStart = start;
            used = 0;
            segments.add(new Segment(start, length));
            mapped.add(current);
            return true;
        } catch (IOException | RuntimeException cannot) {
            allowance.giveBack(length);
            return false;
        }
    }

    /**
     * Takes no more blocks: another writer has taken the entry over. What was written stays mapped and readable;
     * new blocks stay on the heap.
     */
    void stop() {
        failed = true;
    }

    /** Forces what was written to the device, before an index that names it is written. */
    void force() throws IOException {
        for (ByteBuffer buffer : mapped) {
            if (buffer instanceof MappedByteBuffer writable && !writable.isReadOnly()) {
                writable.force();
            }
        }
    }

    private void open() throws IOException {
        if (channel == null) {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        }
    }

    /** Lets the channel go; the mappings stay valid until the blocks that read them are collected. */
    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was pending: every write went through the mappings
            }
            channel = null;
        }
    }
}
