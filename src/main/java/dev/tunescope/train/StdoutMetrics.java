package dev.tunescope.train;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Picks metric records out of a command's standard output, where they share the stream with whatever else the
 * command prints (progress bars, warnings, banners).
 *
 * <p>A line counts when it is one JSON object with a numeric, whole {@code step}, like a line of Tunescope's
 * {@code metrics.jsonl}: {@code {"step": 10, "train/loss": 0.52, "lr": 0.001}}. Its other numeric fields are the
 * metrics; non-finite values may be the bare tokens Python's {@code json.dumps} writes ({@code NaN},
 * {@code Infinity}, {@code -Infinity}) or those words as strings (any case, also {@code "nan"}, {@code "inf"}).
 * A {@code time} field is dropped: the record is stamped when Tunescope reads it. Fields of any other kind
 * (text, lists, objects, booleans, null) are ignored, and so is a line without a single metric. Anything that is
 * not such a line is only kept in {@code stdout.log}.
 */
final class StdoutMetrics {
    /** A line longer than this is no metric record worth parsing (it is still logged). */
    static final int MAX_LINE_CHARS = 1 << 20;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** One metric record: the step and its values by tag, in the order the line gave them. */
    record Line(long step, Map<String, Double> values) {
    }

    private StdoutMetrics() {
    }

    static Optional<Line> parse(String text) {
        String line = text.strip();
        if (line.length() > MAX_LINE_CHARS || !line.startsWith("{") || !line.endsWith("}")) {
            return Optional.empty(); // cheap test first: most output lines are not JSON at all
        }
        JsonNode record;
        try {
            record = MAPPER.readTree(line);
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
        if (record == null || !record.isObject()) {
            return Optional.empty();
        }
        Optional<Long> step = step(record.get("step"));
        if (step.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        record.properties().forEach(field -> {
            if (!field.getKey().equals("step") && !field.getKey().equals("time")) {
                value(field.getValue()).ifPresent(value -> values.put(field.getKey(), value));
            }
        });
        return values.isEmpty() ? Optional.empty() : Optional.of(new Line(step.get(), values));
    }

    private static Optional<Long> step(JsonNode step) {
        if (step == null || !step.isNumber()) {
            return Optional.empty();
        }
        if (step.isIntegralNumber()) {
            return step.canConvertToLong() ? Optional.of(step.longValue()) : Optional.empty();
        }
        double value = step.doubleValue();
        return value == Math.rint(value) && Math.abs(value) < 0x1p62 ? Optional.of((long) value) : Optional.empty();
    }

    private static Optional<Double> value(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(node.doubleValue());
        }
        if (!node.isTextual()) {
            return Optional.empty();
        }
        return switch (node.textValue().strip().toLowerCase(Locale.ROOT)) {
            case "nan", "-nan", "+nan" -> Optional.of(Double.NaN);
            case "inf", "+inf", "infinity", "+infinity" -> Optional.of(Double.POSITIVE_INFINITY);
            case "-inf", "-infinity" -> Optional.of(Double.NEGATIVE_INFINITY);
            default -> Optional.empty();
        };
    }
}
