package dev.tunescope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A moving window of a file's bytes on the heap, read with positional reads (not memory-mapped: a file that is
 * truncated while mapped would crash the reader). The window grows only to hold a record whose length has
 * already been checked against the file's actual size, so a corrupt length never sizes an allocation.
 */
final class ByteWindow {
    /**
     * What one read asks for: 1 MiB. The window lives as long as one file is read, beside the points read from it;
     * at 4 MiB it was a humongous object for G1 (8 MB of regions) and a large file's peak heap while reading was
     * 1.7 times what its run retains afterwards, at 1 MiB it is 1.1 times.
     */
    private static final int CHUNK = 1 << 20;

    private final FileChannel channel;
    private final long fileSize;
    private byte[] data = new byte[0];
    private long start;
    private int length;

    ByteWindow(FileChannel channel, long fileSize) {
        this.channel = channel;
        this.fileSize = fileSize;
    }

    long fileSize() {
        return fileSize;
    }

    byte[] data() {
        return data;
    }

    /** Index in {@link #data()} of file offset {@code position}; valid after a successful {@link #cover}. */
    int index(long position) {
        return (int) (position - start);
    }

    /**
     * Makes bytes {@code [position, position + count)} available in {@link #data()}.
     *
     * @return false when the file does not have that many bytes
     */
    boolean cover(long position, long count) throws IOException {
        if (count < 0 || position + count > fileSize || position + count < position) {
            return false;
        }
        if (position >= start && position + count <= start + length) {
            return true;
        }
        int want = (int) Math.min(Math.max(count, CHUNK), fileSize - position);
        byte[] next = data.length < want ? new byte[want] : data;
        // The bytes the window already holds from position on (a record cut by the window's end) are kept, not read
        // again, so the next read starts where the last one stopped: over SFTP a read that steps back restarts the
        // pipelined stream and throws away its read-ahead (three times the file's bytes were sent for an open).
        int kept = 0;
        if (position >= start && position < start + length) {
            kept = (int) Math.min(start + length - position, want);
            System.arraycopy(data, (int) (position - start), next, 0, kept);
        }
        data = next;
        ByteBuffer buffer = ByteBuffer.wrap(data, kept, want - kept);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                break; // the file shrank while being read
            }
        }
        start = position;
        length = buffer.position();
        return length >= count;
    }
}
