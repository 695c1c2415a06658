package dev.tunescope.io;

import java.io.IOException;

/**
 * A path a reader was about to open is a named pipe, a socket, a device or a folder rather than a regular file.
 * Opening a named pipe for reading waits for a writer that may never come, so such paths are refused before they
 * are opened. The message is a plain predicate for a warning that starts with the file's name.
 */
final class NotRegularFileException extends IOException {
    NotRegularFileException(String kind) {
        super("is " + kind + ", not a regular file, so it was not read");
    }
}
