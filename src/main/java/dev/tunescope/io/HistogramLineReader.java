package dev.tunescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.run.Histogram;

/**
 * Turns lines of a Tunescope {@code histograms.jsonl}, {@code {"step", "time", "tag", "edges": [k+1],
 * "counts": [k]}}, into histograms (see {@link EdgeHistogram} for the conversion). A line whose arrays do not
 * fit together is reported and skipped as a whole; {@code time} is optional.
 */
final class HistogramLineReader extends JsonLineReader {
    /** @param file the name warnings give the file */
    HistogramLineReader(String file, SeriesCollector collector) {
        super(file, collector);
    }

    @Override
    protected void read(TextLine line) {
        try {
            JsonNode record = TunescopeJson.objectLine(line.text());
            long step = TunescopeJson.step(record);
            JsonNode tag = record.get(TunescopeFormat.TAG);
            if (tag == null || !tag.isTextual() || tag.textValue().isEmpty()) {
                throw new MalformedLineException("has no \"tag\" string");
            }
            Histogram histogram = EdgeHistogram.toHistogram(numbers(record, TunescopeFormat.EDGES),
                    numbers(record, TunescopeFormat.COUNTS));
            collector.histogram(tag.textValue(), step, TunescopeJson.time(record), histogram, file(), line.byteOffset());
        } catch (MalformedLineException e) {
            warn(line, e.getMessage() + ", skipped");
        } catch (IllegalArgumentException e) {
            warn(line, "histogram " + e.getMessage() + ", skipped");
        }
    }

    private static double[] numbers(JsonNode record, String key) throws MalformedLineException {
        JsonNode array = record.get(key);
        if (array == null || !array.isArray()) {
            throw new MalformedLineException("has no \"" + key + "\" array");
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            var value = MetricsLineReader.value(array.get(i));
            if (value.isEmpty()) {
                throw new MalformedLineException("has a \"" + key + "\" entry that is not a number: " + array.get(i));
            }
            values[i] = value.getAsDouble();
        }
        return values;
    }

}
