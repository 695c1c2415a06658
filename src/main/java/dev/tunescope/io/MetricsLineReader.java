package dev.tunescope.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns lines of a Tunescope {@code metrics.jsonl} into scalar points: every key but {@code step} and
 * {@code time} is a tag. A value may be a number (one too large for a double, such as {@code 1e999}, is
 * infinite), a bare {@code NaN}/{@code Infinity}/{@code -Infinity} token, or one of those words as a string
 * (any letter case, so Python's {@code "nan"} and {@code "inf"} count too). {@code null} means "not logged at
 * this step" and gives no point. Anything else is reported and skipped, and the rest of the line is kept.
 */
final class MetricsLineReader extends JsonLineReader {
    /** @param file the name warnings give the file */
    MetricsLineReader(String file, SeriesCollector collector) {
        super(file, collector);
    }

    @Override
    protected void read(TextLine line) {
        JsonNode record;
        long step;
        try {
            record = TunescopeJson.objectLine(line.text());
            step = TunescopeJson.step(record);
        } catch (MalformedLineException e) {
            warn(line, e.getMessage() + ", skipped");
            return;
        }
        double time = TunescopeJson.time(record);
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : record.properties()) {
            String tag = field.getKey();
            if (tag.equals(TunescopeFormat.STEP) || tag.equals(TunescopeFormat.TIME) || field.getValue().isNull()) {
                continue;
            }
            OptionalDouble value = value(field.getValue());
            if (value.isPresent()) {
                collector.scalar(tag, step, value.getAsDouble(), time, file(), line.byteOffset(), line.number());
            } else {
                refused.add("'" + tag + "' = " + abbreviated(field.getValue()));
            }
        }
        if (!refused.isEmpty()) {
            warn(line, "value(s) that are not numbers were skipped: " + String.join(", ", refused));
        }
    }

    static OptionalDouble value(JsonNode node) {
        if (node.isNumber()) {
            return OptionalDouble.of(node.doubleValue());
        }
        if (node.isTextual()) {
            return FloatText.nonFinite(node.textValue());
        }
        return OptionalDouble.empty();
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

}
