package dev.tunescope.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Makes text from files safe to print on a terminal. Folder, run, tag and hyperparameter names come from whoever
 * wrote the files, and a name holding {@code ESC [2J} or {@code ESC ]0;TITLE BEL} would clear the screen or
 * retitle the window if printed raw. Every control character is shown escaped instead: {@code \e} (ESC),
 * {@code \a} (BEL), {@code \b}, {@code \t}, {@code \n}, {@code \r}, {@code \xHH} for the other ASCII controls and
 * DEL, {@code \}{@code uHHHH} for the C1 controls (U+0080 to U+009F, which some terminals obey too), the line and
 * paragraph separators and the bidirectional overrides (which reorder what follows them on screen).
 *
 * <p>{@link #sanitise} is for names as they are put into text output; {@link #filter} guards a whole output
 * stream, escaping every control character except the line breaks, tab and carriage return the commands print
 * themselves. JSON output passes the filter unchanged: {@link JsonValues} writes every control character as a
 * JSON escape, so names stay exact there.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** {@code text} with every control character escaped; safe to print, always one line. */
    public static String sanitise(String text) {
        return escape(text, false);
    }

    /** A writer that escapes the control characters in what passes through, but keeps line breaks and tabs. */
    public static PrintWriter filter(Writer out) {
        return out instanceof SafeWriter ? (PrintWriter) out : new SafeWriter(new Escaping(out));
    }

    /** Whether {@code c} must never reach a terminal raw. */
    static boolean isUnsafe(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }

    private static String escape(String text, boolean keepLayout) {
        int first = firstUnsafe(text, 0, text.length(), keepLayout);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c) && !(keepLayout && isLayout(c))) {
                out.append(escaped(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(CharSequence text, int from, int to, boolean keepLayout) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (isUnsafe(c) && !(keepLayout && isLayout(c))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLayout(char c) {
        return c == '\n' || c == '\r' || c == '\t';
    }

    static String escaped(char c) {
        return switch (c) {
            case 0x1b -> "\\e";
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> c <= 0x7f ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }

    /** Marks a writer that is already filtered, so wrapping twice is a no-op. */
    private static final class SafeWriter extends PrintWriter {
        SafeWriter(Writer out) {
            super(out, true);
        }
    }

    private static final class Escaping extends FilterWriter {
        Escaping(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            out.write(escape(String.valueOf((char) c), true));
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            write(new String(buffer, offset, length), 0, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            if (firstUnsafe(text, offset, offset + length, true) < 0) {
                out.write(text, offset, length);
            } else {
                out.write(escape(text.substring(offset, offset + length), true));
            }
        }
    }
}
