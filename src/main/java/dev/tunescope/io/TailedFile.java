package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One line-based file of a run, tailed across refreshes, with the bookkeeping every line reader needs: the
 * name it is reported under, telling the caller to drop what it built when the file was replaced, and turning
 * read errors into warnings.
 */
final class TailedFile {
    private final LineTail tail;
    private final String name;

    /** @param name how warnings name the file: its path relative to the folder the user opened */
    TailedFile(Path file, String name) {
        this.tail = new LineTail(file);
        this.name = name;
    }

    String name() {
        return name;
    }

    /** True once any line has been read (so there is something to drop if the file goes away). */
    boolean hasRead() {
        return tail.offset() > 0;
    }

    /**
     * Hands every new complete line to {@code lines}. When the file shrank or was replaced, {@code restarted}
     * runs first, before any line of the new content, so the caller can drop what the old content gave.
     *
     * @return what became of the file, or empty where it could not be read (the problem is then in
     *         {@code warnings})
     */
    Optional<LineTail.Outcome> poll(Runnable restarted, Consumer<TextLine> lines, Consumer<ReadWarning> warnings) {
        try {
            LineTail.Outcome outcome = tail.poll(restarted, lines);
            return Optional.of(outcome);
        } catch (IOException e) {
            warnings.accept(tail.offset() == 0 ? ReadWarning.wholeFile(name, FailureText.of(e))
                    : ReadWarning.atByte(name, tail.offset(), "from here on " + FailureText.of(e)));
            return Optional.empty();
        }
    }

    /**
     * A note for bytes after the last complete line. While a run is being written that is a line in progress;
     * once it has stopped, it is a line that was cut off (or a zero-filled tail) and will never be read.
     */
    Optional<ReadWarning> unfinishedLine() {
        long size = tail.currentSize();
        long rest = size - tail.offset();
        if (rest <= 0) {
            return Optional.empty();
        }
        return Optional.of(ReadWarning.atByte(name, tail.offset(), "the last " + rest + " byte(s) do not end"
                + " with a line break, so they were not read (a line cut off, or still being written)"));
    }

    /**
     * {@code reader}, made to turn a failure on one line into a warning in {@code collector} instead of an
     * exception: a reader bug met on one odd line must not stop the lines after it, nor escape a refresh.
     */
    static Consumer<TextLine> guarded(String file, Consumer<TextLine> reader, SeriesCollector collector) {
        return line -> {
            try {
                reader.accept(line);
            } catch (RuntimeException e) {
                collector.warn(ReadWarning.atLine(file, line.byteOffset(), line.number(),
                        FailureText.of(e) + "; the line was skipped"));
            }
        };
    }
}
