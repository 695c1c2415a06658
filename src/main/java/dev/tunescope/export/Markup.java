package dev.tunescope.export;

/** Text escaping and number formatting shared by the SVG and HTML writers. */
final class Markup {
    /** Coordinates beyond this many pixels are clamped: far enough that the visible part of a line keeps its slope. */
    private static final double FAR = 1e6;

    private Markup() {
    }

    /**
     * Text safe in XML content and in quoted attributes: markup characters become entities, and characters XML
     * cannot hold (control characters, unpaired surrogates) become U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escapeTo(out, text);
        return out.toString();
    }

    static void escapeTo(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (isXmlChar(c)) {
                        out.appendCodePoint(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
    }

    private static boolean isXmlChar(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** A pixel coordinate with at most two decimals, no exponent; NaN as 0 and far values clamped. */
    static void coord(StringBuilder out, double value) {
        double v = Double.isNaN(value) ? 0 : Math.max(-FAR, Math.min(FAR, value));
        long hundredths = Math.round(v * 100);
        if (hundredths < 0) {
            out.append('-');
            hundredths = -hundredths;
        }
        out.append(hundredths / 100);
        int fraction = (int) (hundredths % 100);
        if (fraction != 0) {
            out.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                out.append(fraction % 10);
            }
        }
    }

    static String coord(double value) {
        StringBuilder out = new StringBuilder(12);
        coord(out, value);
        return out.toString();
    }

    /** A number as Java's shortest round-trip form, tidied: {@code 1}, {@code 0.001}, {@code 1e-4}, {@code 2.5e7}. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        String text = Double.toString(value);
        int e = text.indexOf('E');
        String mantissa = e < 0 ? text : text.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return e < 0 ? mantissa : mantissa + "e" + text.substring(e + 1);
    }

    /** A rough width of a line of text in pixels, for layout (no font metrics in a pure writer). */
    static double textWidth(String text, double fontSize) {
        return text.codePointCount(0, text.length()) * fontSize * 0.6;
    }
}
