package dev.tunescope.io;

import dev.tunescope.run.Histogram;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.ReadWarning;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One event file read incrementally: remembers how far it got, and on the next call decodes only the records
 * appended since. Damaged stretches and undecodable records become warnings with their byte offsets.
 */
final class EventFileTail {
    private final Path file;
    private final String name;
    private final FileIdentity identity = new FileIdentity();
    private final EventDecoder decoder = new EventDecoder();
    /** For each tag number of the decoder's table, the tag's number in {@link #numberedIn} + 1; 0 while unasked. */
    private int[] seriesIds = new int[0];
    private SeriesCollector numberedIn;
    private long offset;
    private long size;

    EventFileTail(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    String name() {
        return name;
    }

    Path file() {
        return file;
    }

    /** Where the next read starts: the end of the last record taken. */
    long offset() {
        return offset;
    }

    /** The file's size at the last read. */
    long size() {
        return size;
    }

    /** Goes on from a run cache's record of an earlier read that took the records before {@code offset}. */
    void resume(long offset, long size) {
        this.offset = offset;
        this.size = size;
    }

    /**
     * Decodes the records appended since the last call into {@code target}.
     *
     * @return true when the file shrank or was replaced, so everything read from it before is void
     */
    boolean readNew(SeriesCollector target, Consumer<Map<String, HyperparameterValue>> hparams) throws IOException {
        try (FileChannel channel = RegularFiles.open(file)) {
            if (offset > 0 && identity.changed(channel, offset)) {
                return true;
            }
            Sink sink = new Sink(target, hparams);
            long fileSize = channel.size();
            // The offset follows every record as it is taken, not only the scan's end: a scan that fails part way
            // (a connection dropped and not back) has handed on its first records, and the next read must start
            // after them, or they would be read twice.
            offset = TfRecordScanner.scan(channel, offset,
                    (data, at, length, fileOffset) -> {
                        decode(data, at, length, fileOffset, sink, target);
                        offset = fileOffset + TfRecordScanner.HEADER + length + TfRecordScanner.FOOTER;
                    },
                    (from, to) -> {
                        target.warn(ReadWarning.atByte(name, from, to >= fileSize
                                ? "damaged data from here to the end of the file (" + (to - from) + " bytes) skipped"
                                : "damaged data (" + (to - from) + " bytes) skipped; reading resumed at byte " + to));
                        offset = to;
                    },
                    (at, length, whole, resumedAt) -> {
                        target.warn(ReadWarning.atByte(name, at, oversized(length, whole, resumedAt, fileSize)));
                        offset = resumedAt;
                    });
            size = fileSize;
            identity.remember(channel);
            return false;
        } catch (NoSuchFileException gone) {
            target.warn(ReadWarning.wholeFile(name, "the file disappeared while it was being read"));
            return false;
        }
    }

    private static String oversized(long length, boolean skippedWhole, long resumedAt, long fileSize) {
        String record = "a record of " + length + " bytes, over the " + (TfRecordScanner.MAX_RECORD_BYTES >> 20)
                + " MiB a record may have";
        if (skippedWhole) {
            return record + ", was skipped; reading resumed at byte " + resumedAt;
        }
        return record + " and running past the end of the file, starts here; " + (resumedAt >= fileSize
                ? "nothing after it could be read" : "reading resumed at byte " + resumedAt + ", the next record");
    }

    /** A warning when the file ends inside a record (it may still be being written). */
    Optional<ReadWarning> incompleteTail() {
        if (offset >= size) {
            return Optional.empty();
        }
        return Optional.of(ReadWarning.atByte(name, offset, "the file ends inside a record (" + (size - offset)
                + " bytes): still being written, or truncated"));
    }

    private void decode(byte[] data, int at, int length, long fileOffset, Sink sink, SeriesCollector target) {
        sink.recordOffset = fileOffset;
        try {
            decoder.decode(data, at, length, sink);
        } catch (IOException | RuntimeException undecodable) {
            target.warn(ReadWarning.atByte(name, fileOffset, "record with valid checksums is not a readable event ("
                    + undecodable.getMessage() + "); skipped"));
        }
    }

    /** The number in {@code target} of the tag numbered {@code tagId} in this file, asked for once a tag. */
    private int seriesId(SeriesCollector target, int tagId, String tag) {
        if (target != numberedIn) {
            numberedIn = target;
            seriesIds = new int[0];
        }
        if (tagId >= seriesIds.length) {
            seriesIds = Arrays.copyOf(seriesIds, Math.max(16, 2 * tagId + 1));
        }
        if (seriesIds[tagId] == 0) {
            seriesIds[tagId] = target.scalarId(tag) + 1;
        }
        return seriesIds[tagId] - 1;
    }

    /** Routes decoded values into the collector, tagging each with this file and the record's offset. */
    private final class Sink implements EventSink {
        private final SeriesCollector target;
        private final Consumer<Map<String, HyperparameterValue>> hparams;
        long recordOffset;

        Sink(SeriesCollector target, Consumer<Map<String, HyperparameterValue>> hparams) {
            this.target = target;
            this.hparams = hparams;
        }

        @Override
        public void scalar(int tagId, String tag, long step, double wallTime, double value) {
            if (tagId == TagTable.NONE) {
                target.scalar(tag, step, value, wallTime, name, recordOffset, -1);
            } else {
                target.scalar(seriesId(target, tagId, tag), step, value, wallTime, name, recordOffset, -1);
            }
        }

        @Override
        public void histogram(String tag, long step, double wallTime, Histogram histogram) {
            target.histogram(tag, step, wallTime, histogram, name, recordOffset);
        }

        @Override
        public void hyperparameters(Map<String, HyperparameterValue> values) {
            hparams.accept(values);
        }

        @Override
        public void sessionStart(long step) {
            long dropped = target.purgeFrom(step);
            if (dropped > 0) {
                target.warn(ReadWarning.atByte(name, recordOffset, "the run restarted at step " + step + ": "
                        + dropped + " earlier point(s) at steps >= " + step + " dropped"));
            }
        }

        @Override
        public void skipped(String tag, String why) {
            target.warn(ReadWarning.atByte(name, recordOffset, "value of tag '" + tag + "' skipped: " + why));
        }
    }
}
