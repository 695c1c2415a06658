package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Turns the lines of one CSV log into points: each non-empty metric cell of a row is one point of that column's
 * tag at the row's step. This is how both Lightning's sparse rows (a cell left empty where a metric was not
 * logged) and Keras' dense rows read.
 *
 * <p>Damage costs as little as possible: a cell that is not a number is skipped on its own, a row with too few or
 * too many cells keeps the cells that line up with a column, and a line that is not UTF-8 still gives its numeric
 * cells. Each of these is a warning naming the line. A header met again mid-file (a logger restarted, or logs
 * concatenated) switches to the new columns from that line on.
 */
final class CsvRowParser {
    private final CsvLayout layout;
    private final String file;
    private final SeriesCollector collector;
    private CsvHeader header; // null until the first header line

    CsvRowParser(CsvLayout layout, String file, SeriesCollector collector) {
        this.layout = layout;
        this.file = file;
        this.collector = collector;
    }

    /** Forgets the column layout, for a file read again from its start. */
    void reset() {
        header = null;
    }

    void accept(TextLine line) {
        if (line.tooLong()) {
            warn(line, TextLine.TOO_LONG);
            return;
        }
        if (line.invalidUtf8()) {
            warn(line, "the line is not valid UTF-8 (bad bytes replaced); its numeric cells are still read");
        }
        String text = line.text();
        if (text.isBlank()) {
            return;
        }
        Optional<CsvHeader> newHeader = layout.header(text);
        if (newHeader.isPresent()) {
            acceptHeader(line, newHeader.get());
        } else if (header == null) {
            warn(line, "a data line before any header line; skipped");
        } else {
            acceptRow(line, CsvFields.split(text, header.separator()));
        }
    }

    private void acceptHeader(TextLine line, CsvHeader next) {
        if (header != null) {
            warn(line, "a header line in the middle of the file; columns are now " + next.columns());
        }
        if (next.hasUnnamedColumn()) {
            warn(line, "the header has a column without a name; its cells are not read");
        }
        header = next;
    }

    private void acceptRow(TextLine line, List<String> cells) {
        if (cells.size() != header.size()) {
            warn(line, "the row has " + cells.size() + " cell(s) but the header has " + header.size()
                    + " column(s); only cells under a column are read");
        }
        String stepColumn = header.columns().get(header.stepIndex());
        if (header.stepIndex() >= cells.size()) {
            warn(line, "the row has no '" + stepColumn + "' cell; row skipped");
            return;
        }
        String stepCell = cells.get(header.stepIndex());
        OptionalLong step = CsvNumbers.parseStep(stepCell);
        if (step.isEmpty()) {
            warn(line, "column '" + stepColumn + "': '" + shorten(stepCell) + "' is not a whole number; row skipped");
            return;
        }
        int columns = Math.min(cells.size(), header.size());
        for (int i = 0; i < columns; i++) {
            if (header.isMetric(i)) {
                acceptCell(line, header.columns().get(i), step.getAsLong(), cells.get(i).strip());
            }
        }
    }

    private void acceptCell(TextLine line, String tag, long step, String cell) {
        if (cell.isEmpty() || layout.isMissingMarker(cell)) {
            return;
        }
        OptionalDouble value = CsvNumbers.parseValue(cell);
        if (value.isEmpty()) {
            warn(line, "column '" + tag + "': '" + shorten(cell) + "' is not a number; cell skipped");
            return;
        }
        collector.scalar(tag, step, value.getAsDouble(), Double.NaN, file, line.byteOffset(), line.number());
    }

    private void warn(TextLine line, String message) {
        collector.warn(ReadWarning.atLine(file, line.byteOffset(), line.number(), message));
    }

    /** Keeps a warning readable when a damaged cell is long (a line of binary junk). */
    private static String shorten(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 40) + "...";
    }
}
