package dev.tunescope.io;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the numbers training logs write as text. Values may be non-finite, and Python spells those {@code nan},
 * {@code inf} and {@code -inf} while Java spells them {@code NaN} and {@code Infinity}; both are kept, because a
 * NaN loss is the evidence of divergence. An overflowing literal such as {@code 1e999} reads as Infinity, as
 * {@link Double#parseDouble} gives it.
 *
 * <p>Only plain decimal notation is a number here: {@link Double#parseDouble} alone would also take {@code 0x1p3}
 * or {@code 1.5f}, which no logger writes and which more likely mean a damaged cell.
 */
public final class CsvNumbers {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");

    private CsvNumbers() {
    }

    /** The value of a cell (surrounding blanks ignored), or empty where it is not a number. */
    public static OptionalDouble parseValue(String cell) {
        return FloatText.parse(cell);
    }

    /**
     * A step or epoch cell: an integer, or a decimal with an integral value ({@code 19.0}, as a logger that stores
     * every column as float writes it). Empty where it is neither or does not fit a {@code long}.
     */
    public static OptionalLong parseStep(String cell) {
        String text = cell.strip();
        if (INTEGER.matcher(text).matches()) {
            return OptionalLong.of(Long.parseLong(text));
        }
        if (FloatText.DECIMAL.matcher(text).matches()) {
            double value = Double.parseDouble(text);
            if (value == Math.rint(value) && Math.abs(value) < 1e18) {
                return OptionalLong.of((long) value);
            }
        }
        return OptionalLong.empty();
    }
}
