package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.ScalarSeries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one CSV log file as it grows: the first {@link #read()} reads it all, later ones only the complete lines
 * appended since, and a file that shrank or was rewritten (Lightning rewrites its whole file when a new metric
 * appears) is read again from the start with everything built from it dropped.
 *
 * <p>Problems with the file as a whole (gone, empty, ending in zero bytes, unreadable) describe its state now, so
 * they are worked out anew on each read rather than piling up.
 */
final class CsvLogReader {
    /** How much of an unfinished tail is looked at to tell zero-fill from a line still being written. */
    private static final int TAIL_PROBE = 4096;

    private final LineTail tail;
    private final String file;
    private final SeriesCollector collector = new SeriesCollector();
    private final CsvRowParser rows;

    /** @param file the name warnings give the file: its path relative to the folder the user opened */
    CsvLogReader(Path path, String file, CsvLayout layout) {
        this.tail = new LineTail(path);
        this.file = file;
        this.rows = new CsvRowParser(layout, file, collector);
    }

    /** The series read so far and every warning. */
    record Snapshot(Map<String, ScalarSeries> scalars, List<ReadWarning> warnings) {
    }

    /** Reads what is new. Never throws: a failure is a warning, and what was read before is kept. */
    Snapshot read() {
        List<ReadWarning> fileState = new ArrayList<>();
        try {
            LineTail.Outcome outcome = tail.poll(this::startOver, rows::accept);
            if (outcome == LineTail.Outcome.MISSING) {
                fileState.add(ReadWarning.wholeFile(file, "the file is missing (moved or deleted)"));
            } else {
                describeUnreadRest(fileState);
            }
        } catch (IOException | RuntimeException failure) {
            fileState.add(tail.offset() == 0 ? ReadWarning.wholeFile(file, FailureText.of(failure))
                    : ReadWarning.atByte(file, tail.offset(), "from here on " + FailureText.of(failure)));
        }
        List<ReadWarning> warnings = new ArrayList<>(collector.warnings());
        warnings.addAll(fileState);
        return new Snapshot(collector.scalars(), warnings);
    }

    private void startOver() {
        collector.clear();
        rows.reset();
    }

    /** Says why a file yields nothing, or that its unread rest is zero bytes rather than a line being written. */
    private void describeUnreadRest(List<ReadWarning> fileState) throws IOException {
        try (FileChannel channel = RegularFiles.open(tail.file())) {
            long size = channel.size();
            long offset = tail.offset();
            if (size == 0) {
                fileState.add(ReadWarning.wholeFile(file, "the file is empty"));
            } else if (size > offset && isZeroFilled(channel, offset, size)) {
                fileState.add(ReadWarning.atByte(file, offset, "the file ends in " + (size - offset)
                        + " zero byte(s) instead of text (not completely written, e.g. after a crash)"));
            }
        }
    }

    private static boolean isZeroFilled(FileChannel channel, long offset, long size) throws IOException {
        ByteBuffer probe = ByteBuffer.allocate((int) Math.min(TAIL_PROBE, size - offset));
        while (probe.hasRemaining() && channel.read(probe, offset + probe.position()) > 0) {
            // keep reading until the probe is full or the file ends
        }
        for (int i = 0; i < probe.position(); i++) {
            if (probe.get(i) != 0) {
                return false;
            }
        }
        return probe.position() > 0;
    }
}
