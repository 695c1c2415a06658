package dev.tunescope.diagnose;

import java.util.Locale;

/** How findings write numbers: short, with the precision a person reads (0.316, 1.2e-4, 0.1196, 47). */
final class Numbers {
    private Numbers() {
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-3 && magnitude < 1e6) {
            String text = String.format(Locale.ROOT, "%.4g", value);
            return text.contains(".") && !text.contains("e") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
        }
        return String.format(Locale.ROOT, "%.3g", value).replace("e-0", "e-").replace("e+0", "e").replace("e+", "e");
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
