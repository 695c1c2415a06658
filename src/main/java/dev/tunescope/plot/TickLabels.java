package dev.tunescope.plot;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Short axis labels: {@code 0}, {@code 0.01}, {@code 2.5}, {@code 100}, {@code 1k}, {@code 2.5M}, {@code 1e-3},
 * {@code 5e-4}, {@code 1e9}. Binary noise is rounded away (0.30000000000000004 is {@code 0.3}).
 */
public final class TickLabels {
    private static final MathContext DIGITS = new MathContext(12);
    private static final BigDecimal SMALL = new BigDecimal("0.01");
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUGE = new BigDecimal("1e9");
    private static final String[] SUFFIXES = {"", "k", "M"};

    private TickLabels() {
    }

    public static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = new BigDecimal(value).round(DIGITS).stripTrailingZeros();
        BigDecimal magnitude = decimal.abs();
        if (magnitude.compareTo(SMALL) < 0 || magnitude.compareTo(HUGE) >= 0) {
            int exponent = decimal.precision() - decimal.scale() - 1;
            return plain(decimal.movePointLeft(exponent)) + "e" + exponent;
        }
        int group = 0;
        while (group + 1 < SUFFIXES.length && magnitude.compareTo(THOUSAND.pow(group + 1)) >= 0) {
            group++;
        }
        return plain(decimal.movePointLeft(3 * group)) + SUFFIXES[group];
    }

    private static String plain(BigDecimal decimal) {
        return decimal.stripTrailingZeros().toPlainString();
    }
}
