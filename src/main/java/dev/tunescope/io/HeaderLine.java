package dev.tunescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The first line of a file, for telling formats apart without reading whole files: at most {@value #LIMIT} bytes
 * are read, so discovery stays quick in a folder of large logs.
 */
final class HeaderLine {
    static final int LIMIT = 64 * 1024;

    private HeaderLine() {
    }

    /** The first line without a byte-order mark or line ending; empty for an unreadable or empty file. */
    static Optional<String> of(Path file) {
        byte[] head;
        try (InputStream in = RegularFiles.newInputStream(file)) {
            head = in.readNBytes(LIMIT);
        } catch (IOException | SecurityException unreadable) {
            return Optional.empty();
        }
        int from = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        int to = from;
        while (to < head.length && head[to] != '\n') {
            to++;
        }
        if (to > from && head[to - 1] == '\r') {
            to--;
        }
        return to > from ? Optional.of(new String(head, from, to - from, StandardCharsets.UTF_8)) : Optional.empty();
    }
}
