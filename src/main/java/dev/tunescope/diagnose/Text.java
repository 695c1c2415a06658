package dev.tunescope.diagnose;

import java.util.List;
import java.util.Locale;

/** How findings write numbers and lists: the same way everywhere, whatever the machine's locale. */
public final class Text {
    private Text() {
    }

    /** Four significant digits, e.g. {@code 1.214}, {@code 0.0003162}, {@code 1.5e+06}; whole numbers below 10^7 whole. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        String text = String.format(Locale.ROOT, "%.4g", value);
        if (text.contains("e")) {
            return text.replaceFirst("\\.?0+e", "e");
        }
        return text.contains(".") ? text.replaceFirst("\\.?0+$", "") : text;
    }

    /** A fraction as a percentage with at most one decimal, e.g. {@code 0.1 -> "10%"}, {@code 0.5625 -> "56.3%"}. */
    public static String percent(double fraction) {
        String text = String.format(Locale.ROOT, "%.1f", 100 * fraction);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
    }

    /** Names joined by commas, at most {@code shown} of them, then "and N more". */
    static String names(List<String> names, int shown) {
        if (names.size() <= shown) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, shown)) + " and " + (names.size() - shown) + " more";
    }

    /** {@code 90 -> "90th"}, {@code 99.5 -> "99.5th"}, {@code 1 -> "1st"}. */
    static String ordinal(double value) {
        String number = number(value);
        if (value != Math.rint(value)) {
            return number + "th";
        }
        long n = (long) value;
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch ((int) (n % 10)) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}
