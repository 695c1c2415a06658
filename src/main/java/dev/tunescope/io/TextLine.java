package dev.tunescope.io;

/**
 * One complete line of a text file.
 *
 * @param byteOffset  where the line starts in the file
 * @param number      1-based line number
 * @param text        the line without its line ending (CR LF or LF) and without a leading byte-order mark
 * @param invalidUtf8 the line held bytes that are not UTF-8; they were replaced by U+FFFD in {@code text}
 */
public record TextLine(long byteOffset, long number, String text, boolean invalidUtf8) {
}
