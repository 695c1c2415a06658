package dev.tunescope.io;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON settings of Tunescope's run format, shared by its reader and writer so that they agree.
 *
 * <p>Reading allows the bare {@code NaN}/{@code Infinity} tokens Python writes and refuses anything after the
 * object on a line (two records run together when a writer died mid-line are reported, not half-read). Writing
 * puts non-finite numbers in quotes, which every JSON parser accepts. Only trees and plain maps are read: no
 * default typing, so a file cannot name classes to instantiate.
 */
final class TunescopeJson {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private TunescopeJson() {
    }

    /** One line as a JSON object. */
    static JsonNode objectLine(String text) throws MalformedLineException {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new MalformedLineException("is not valid JSON (" + JsonProblem.of(e) + ")");
        }
        if (node == null || !node.isObject()) {
            throw new MalformedLineException("is not a JSON object: " + MalformedLineException.quote(text));
        }
        return node;
    }

    /** The record's step: a whole number, written as an integer or as a float such as {@code 12.0}. */
    static long step(JsonNode record) throws MalformedLineException {
        JsonNode step = record.get(TunescopeFormat.STEP);
        if (step == null || step.isNull()) {
            throw new MalformedLineException("has no \"step\"");
        }
        if (step.isIntegralNumber() && step.canConvertToLong()) {
            return step.longValue();
        }
        double value = step.doubleValue();
        if (step.isFloatingPointNumber() && value == Math.rint(value) && Math.abs(value) < 0x1p62) {
            return (long) value;
        }
        throw new MalformedLineException("has a \"step\" that is not a whole number: " + step);
    }

    /** The record's wall time in seconds, or NaN where it has none. */
    static double time(JsonNode record) {
        JsonNode time = record.get(TunescopeFormat.TIME);
        return time != null && time.isNumber() ? time.doubleValue() : Double.NaN;
    }
}
