package dev.tunescope.io;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Reads numbers the way the Python programs that write training logs print them: plain decimals, and the
 * non-finite values as {@code nan}, {@code inf}, {@code -inf} ({@code str(float)}) or {@code NaN},
 * {@code Infinity}, {@code -Infinity} ({@code json.dumps}, Java). Java's own extras (hex floats, {@code d} and
 * {@code f} suffixes) are refused, so that a garbled field is not read as a number by accident. A decimal too
 * large for a double, such as {@code 1e999}, reads as infinity, as it does in Python.
 */
final class FloatText {
    static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private FloatText() {
    }

    /** The value of {@code text}, or empty where it is not a number in one of the spellings above. */
    static OptionalDouble parse(String text) {
        String t = text.strip();
        OptionalDouble special = nonFinite(t);
        if (special.isPresent()) {
            return special;
        }
        if (!DECIMAL.matcher(t).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(t));
    }

    /** NaN or an infinity where {@code text} spells one (any letter case, optional sign), else empty. */
    static OptionalDouble nonFinite(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        return switch (t) {
            case "nan" -> OptionalDouble.of(Double.NaN);
            case "inf", "infinity" -> OptionalDouble.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            default -> OptionalDouble.empty();
        };
    }
}
