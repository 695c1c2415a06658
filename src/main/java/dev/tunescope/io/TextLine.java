package dev.tunescope.io;

/**
 * One complete line of a text file.
 *
 * @param byteOffset  where the line starts in the file
 * @param number      1-based line number
 * @param text        the line without its line ending (CR LF or LF) and without a leading byte-order mark; empty
 *                    for a line too long to read
 * @param invalidUtf8 the line held bytes that are not UTF-8; they were replaced by U+FFFD in {@code text}
 * @param tooLong     the line is longer than {@link LineTail#MAX_LINE_BYTES}, so its text was not read
 */
public record TextLine(long byteOffset, long number, String text, boolean invalidUtf8, boolean tooLong) {
    /** What a reader says about a line that was too long to read. */
    static final String TOO_LONG = "is longer than " + (LineTail.MAX_LINE_BYTES >> 20) + " MiB, far beyond any line"
            + " a logger writes, so it was skipped unread";

    public TextLine(long byteOffset, long number, String text, boolean invalidUtf8) {
        this(byteOffset, number, text, invalidUtf8, false);
    }

    static TextLine tooLong(long byteOffset, long number) {
        return new TextLine(byteOffset, number, "", false, true);
    }
}
