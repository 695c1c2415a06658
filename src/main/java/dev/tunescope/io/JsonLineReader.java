package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import java.util.function.Consumer;

/**
 * What every line of a Tunescope JSON-lines file goes through before its own reader: blank lines are skipped, and
 * a line with bytes that are not UTF-8 is reported (its numbers are still read). Warnings name the file, line and
 * byte offset.
 */
abstract class JsonLineReader implements Consumer<TextLine> {
    private final String file;
    protected final SeriesCollector collector;

    /** @param file the name warnings give the file */
    JsonLineReader(String file, SeriesCollector collector) {
        this.file = file;
        this.collector = collector;
    }

    @Override
    public final void accept(TextLine line) {
        if (line.tooLong()) {
            warn(line, TextLine.TOO_LONG);
            return;
        }
        if (line.text().isBlank()) {
            return;
        }
        if (line.invalidUtf8()) {
            warn(line, "is not valid UTF-8; the bytes that are not were replaced by U+FFFD");
        }
        read(line);
    }

    /** Reads one non-blank line. */
    protected abstract void read(TextLine line);

    protected final String file() {
        return file;
    }

    protected final void warn(TextLine line, String message) {
        collector.warn(ReadWarning.atLine(file, line.byteOffset(), line.number(), message));
    }
}
