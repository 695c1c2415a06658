package dev.tunescope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads a text file line by line, and on later calls only the lines appended since. A last line without its
 * line ending is not handed out until it is complete. A file that shrank or was replaced by another (detected
 * through its first bytes) is read again from the start, and the caller is told so it can drop what it built.
 * A line over {@value #MAX_LINE_BYTES} bytes is handed out as {@link TextLine#tooLong} without its text, so that
 * no buffer grows with a file that has no line breaks.
 */
public final class LineTail {
    private static final int CHUNK = 1 << 20;
    /** Longer than any line a logger writes (the widest real case seen, 50,000 metrics on one line, is 0.7 MB). */
    static final int MAX_LINE_BYTES = 16 << 20;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path file;
    private final FileIdentity identity = new FileIdentity();
    private long offset;
    private long nextLineNumber = 1;

    public LineTail(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Bytes consumed so far: everything before the first incomplete line. */
    public long offset() {
        return offset;
    }

    /** What a poll found besides the lines. */
    public enum Outcome {
        /** Lines (possibly none) were appended after what was read before. */
        APPENDED,
        /** The file shrank or was replaced: reading started over, and earlier results must be dropped. */
        RESTARTED,
        /** The file is gone. */
        MISSING
    }

    /**
     * Hands every complete line appended since the last poll to {@code sink}, in order. When the file shrank or
     * was replaced, {@code onRestart} runs first, so the caller drops what it built before the lines of the new
     * file arrive.
     */
    public Outcome poll(Runnable onRestart, Consumer<TextLine> sink) throws IOException {
        try (FileChannel channel = RegularFiles.open(file)) {
            Outcome outcome = Outcome.APPENDED;
            if (identity.changed(channel, offset)) {
                offset = 0;
                nextLineNumber = 1;
                outcome = Outcome.RESTARTED;
                onRestart.run();
            }
            readLines(channel, sink);
            identity.remember(channel);
            return outcome;
        } catch (NoSuchFileException gone) {
            return Outcome.MISSING;
        }
    }

    private void readLines(FileChannel channel, Consumer<TextLine> sink) throws IOException {
        long size = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(0, size - offset)) + 1);
        PendingLine pending = new PendingLine(); // a line that straddles two chunks
        long position = offset;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        while (position < size) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                break;
            }
            position += read;
            byte[] bytes = buffer.array();
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    pending.append(bytes, start, i);
                    if (pending.tooLong()) {
                        skipTooLong(pending.length(), sink);
                    } else {
                        emit(pending.bytes(), pending.length(), decoder, sink);
                    }
                    pending.clear();
                    start = i + 1;
                }
            }
            pending.append(bytes, start, read);
        }
    }

    /**
     * The bytes of the line being read. Past {@link #MAX_LINE_BYTES} only their count is kept: a file of zeros or
     * junk without a line break must not grow a buffer as large as itself.
     */
    private static final class PendingLine {
        private byte[] bytes = new byte[0];
        private long length;

        void append(byte[] from, int start, int end) {
            long grown = length + (end - start);
            if (grown <= MAX_LINE_BYTES) {
                if (grown > bytes.length) {
                    bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_LINE_BYTES, Math.max(grown, 2L * bytes.length)));
                }
                System.arraycopy(from, start, bytes, (int) length, end - start);
            } else if (bytes.length > 0) {
                bytes = new byte[0];
            }
            length = grown;
        }

        boolean tooLong() {
            return length > MAX_LINE_BYTES;
        }

        byte[] bytes() {
            return bytes;
        }

        long length() {
            return length;
        }

        void clear() {
            length = 0;
            if (bytes.length > CHUNK) {
                bytes = new byte[0]; // a long line's buffer is not kept for the short ones after it
            }
        }
    }

    private void skipTooLong(long length, Consumer<TextLine> sink) {
        long lineStart = offset;
        offset += length + 1;
        sink.accept(TextLine.tooLong(lineStart, nextLineNumber++));
    }

    private void emit(byte[] line, long length, CharsetDecoder decoder, Consumer<TextLine> sink) {
        long lineStart = offset;
        offset += length + 1;
        int from = 0;
        if (lineStart == 0 && startsWithBom(line, length)) {
            from = UTF8_BOM.length;
        }
        int to = (int) length;
        if (to > from && line[to - 1] == '\r') {
            to--;
        }
        String text;
        boolean invalid = false;
        try {
            CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(line, from, to - from));
            text = chars.toString();
        } catch (CharacterCodingException notUtf8) {
            text = new String(line, from, to - from, StandardCharsets.UTF_8);
            invalid = true;
        }
        sink.accept(new TextLine(lineStart, nextLineNumber++, text, invalid));
    }

    private static boolean startsWithBom(byte[] line, long length) {
        return length >= 3 && line[0] == UTF8_BOM[0] && line[1] == UTF8_BOM[1] && line[2] == UTF8_BOM[2];
    }

    /** Size of the file now, or -1 if it is gone. */
    public long currentSize() {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return -1;
        }
    }
}
