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
import java.util.function.Consumer;

/**
 * Reads a text file line by line, and on later calls only the lines appended since. A last line without its
 * line ending is not handed out until it is complete. A file that shrank or was replaced by another (detected
 * through its first bytes) is read again from the start, and the caller is told so it can drop what it built.
 */
public final class LineTail {
    private static final int CHUNK = 1 << 20;
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
        byte[] pending = new byte[0]; // a line that straddles two chunks
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
                    byte[] line = concat(pending, bytes, start, i);
                    pending = new byte[0];
                    emit(line, decoder, sink);
                    start = i + 1;
                }
            }
            pending = concat(pending, bytes, start, read);
        }
    }

    private void emit(byte[] line, CharsetDecoder decoder, Consumer<TextLine> sink) {
        long lineStart = offset;
        offset += line.length + 1;
        int from = 0;
        if (lineStart == 0 && startsWithBom(line)) {
            from = UTF8_BOM.length;
        }
        int to = line.length;
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

    private static boolean startsWithBom(byte[] line) {
        return line.length >= 3 && line[0] == UTF8_BOM[0] && line[1] == UTF8_BOM[1] && line[2] == UTF8_BOM[2];
    }

    private static byte[] concat(byte[] head, byte[] bytes, int from, int to) {
        byte[] out = new byte[head.length + to - from];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bytes, from, out, head.length, to - from);
        return out;
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
