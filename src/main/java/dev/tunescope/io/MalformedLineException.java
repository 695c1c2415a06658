package dev.tunescope.io;

/**
 * A line of a log that could not be taken as a record. Checked, so that every line parser's caller turns it
 * into a warning and moves on to the next line; the message says what was wrong, without the file and place,
 * which the caller adds.
 */
final class MalformedLineException extends Exception {
    MalformedLineException(String message) {
        super(message);
    }

    /** The start of a bad line in quotes, enough to recognise it without flooding a warning with a huge one. */
    static String quote(String text) {
        return text.length() <= 80 ? "'" + text + "'" : "'" + text.substring(0, 80) + "...'";
    }
}
