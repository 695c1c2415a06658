package dev.tunescope.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Walks the records of a TFRecord file: each is a little-endian u64 length, the masked CRC32C of those 8 bytes,
 * the payload, and the masked CRC32C of the payload.
 *
 * <p>Both checksums are verified. Where they fail, the bytes are damaged: the scanner reports the damage and
 * searches forward, byte by byte, for the next position where a whole valid record starts (both checksums must
 * match there, so a false start is about as likely as a 64-bit collision), and carries on from it. Records before
 * and after a damaged stretch are all kept. A record that runs past the end of the file is left for the next
 * scan: the file may still be being written.
 *
 * <p>No record is read whose length is over {@value #MAX_RECORD_BYTES} bytes (64 MiB), whatever its checksum
 * says: the reader's buffer is sized by the length, so a crafted header announcing 2 GB would otherwise ask for
 * 2 GB. Summaries a training script logs (scalars, histograms, even images) are far smaller. Such a record is
 * skipped whole when the file holds all of it, and reading goes on after it; when it runs past the end of the file
 * it cannot be the start of a record ever worth waiting for, so the rest is searched for the next valid record.
 */
final class TfRecordScanner {
    static final int HEADER = 12;
    static final int FOOTER = 4;
    static final long MAX_RECORD_BYTES = 64L << 20;
    // one little-endian load each for the framing's numbers, in place of eight or four byte loads and shifts
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    /** Receives each valid record's payload: {@code data[offset, offset + length)}, found at file offset. */
    interface RecordSink {
        void record(byte[] data, int offset, int length, long fileOffset);
    }

    /** Receives each damaged stretch {@code [from, to)} of the file. */
    interface DamageSink {
        void damaged(long from, long to);
    }

    /**
     * Receives each record over {@link #MAX_RECORD_BYTES}: where it starts, its length, whether the file held all
     * of it (so it was skipped whole), and where reading resumed.
     */
    interface OversizeSink {
        void oversized(long at, long length, boolean skippedWhole, long resumedAt);
    }

    private TfRecordScanner() {
    }

    /**
     * Scans from {@code offset} to the last complete record.
     *
     * @return the offset after the last complete record (where the next scan starts)
     */
    static long scan(FileChannel channel, long offset, RecordSink records, DamageSink damage,
                     OversizeSink oversized) throws IOException {
        ByteWindow window = new ByteWindow(channel, channel.size());
        CRC32C crc = new CRC32C();
        long position = offset;
        while (window.cover(position, HEADER)) {
            long payload = validRecordAt(window, position, crc);
            if (payload == INCOMPLETE) {
                break;
            }
            if (payload == DAMAGED) {
                long resume = nextValidRecord(window, position + 1, crc);
                damage.damaged(position, resume);
                position = resume;
                continue;
            }
            if (payload == OVERSIZED) {
                long length = littleEndianLong(window.data(), window.index(position));
                boolean whole = length <= window.fileSize() - position - HEADER - FOOTER;
                long resume = whole ? position + HEADER + length + FOOTER : nextValidRecord(window, position + 1, crc);
                oversized.oversized(position, length, whole, resume);
                position = resume;
                continue;
            }
            records.record(window.data(), window.index(position + HEADER), (int) payload, position);
            position += HEADER + payload + FOOTER;
        }
        return position;
    }

    private static final long INCOMPLETE = -1;
    private static final long DAMAGED = -2;
    private static final long OVERSIZED = -3;

    /**
     * The payload length of a valid record at {@code position}, or {@link #INCOMPLETE}, {@link #DAMAGED}, or
     * {@link #OVERSIZED} for a valid header announcing more than {@link #MAX_RECORD_BYTES}.
     */
    private static long validRecordAt(ByteWindow window, long position, CRC32C crc) throws IOException {
        byte[] data = window.data();
        int at = window.index(position);
        long length = littleEndianLong(data, at);
        if (MaskedCrc32c.masked(crc, data, at, 8) != littleEndianInt(data, at + 8)) {
            return DAMAGED;
        }
        long remaining = window.fileSize() - position - HEADER - FOOTER;
        if (length < 0) {
            return DAMAGED; // a checksummed length no writer produces
        }
        if (length > MAX_RECORD_BYTES) {
            return OVERSIZED;
        }
        if (length > remaining) {
            return INCOMPLETE;
        }
        if (!window.cover(position, HEADER + length + FOOTER)) {
            return INCOMPLETE;
        }
        data = window.data();
        at = window.index(position);
        int payload = (int) length;
        if (MaskedCrc32c.masked(crc, data, at + HEADER, payload) != littleEndianInt(data, at + HEADER + payload)) {
            return DAMAGED;
        }
        return length;
    }

    /**
     * The first offset at or after {@code from} where a whole valid record starts, or where an incomplete or
     * oversized record with a valid header starts; the end of the file if there is none.
     */
    private static long nextValidRecord(ByteWindow window, long from, CRC32C crc) throws IOException {
        for (long candidate = from; window.cover(candidate, HEADER); candidate++) {
            byte[] data = window.data();
            int at = window.index(candidate);
            long length = littleEndianLong(data, at);
            if (length < 0 || length > window.fileSize()) {
                continue; // cheap rejection before the checksum
            }
            long verdict = validRecordAt(window, candidate, crc);
            if (verdict != DAMAGED) {
                return candidate;
            }
        }
        return window.fileSize();
    }

    static long littleEndianLong(byte[] b, int at) {
        return (long) LONG.get(b, at);
    }

    static int littleEndianInt(byte[] b, int at) {
        return (int) INT.get(b, at);
    }
}
