package dev.tunescope.run;

import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * Which words of a filter are numbers: decimal and scientific notation ({@code 0.01}, {@code 1e-2},
 * {@code 1.00E-02}, {@code -3}, {@code .5}). Java's own parser also takes {@code NaN}, {@code 1f} and hex, which
 * a person filtering runs does not mean as numbers.
 */
final class FilterNumbers {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private FilterNumbers() {
    }

    static OptionalDouble parse(String text) {
        String t = text.strip();
        return NUMBER.matcher(t).matches() ? OptionalDouble.of(Double.parseDouble(t)) : OptionalDouble.empty();
    }
}
