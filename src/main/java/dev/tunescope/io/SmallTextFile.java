package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the small files a run keeps beside its logs ({@code run.json}, {@code meta.yaml}, MLflow params and
 * tags) whole. A size cap keeps a damaged or unexpected huge file from being pulled into memory; a leading
 * byte-order mark is dropped; bytes that are not UTF-8 are replaced and reported.
 */
final class SmallTextFile {
    static final int MAX_BYTES = 1 << 20;

    private SmallTextFile() {
    }

    /**
     * The file's text, or empty where it does not exist (no warning: the caller knows whether it should) or
     * could not be read (with a warning naming it as {@code name}).
     */
    static Optional<String> read(Path file, String name, Consumer<ReadWarning> warnings) {
        return read(file, name, MAX_BYTES, warnings);
    }

    /** As {@link #read(Path, String, Consumer)}, for a kind of file that may be up to {@code maxBytes} long. */
    static Optional<String> read(Path file, String name, int maxBytes, Consumer<ReadWarning> warnings) {
        byte[] bytes;
        try (InputStream in = RegularFiles.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        } catch (IOException e) {
            warnings.accept(ReadWarning.wholeFile(name, FailureText.of(e)));
            return Optional.empty();
        }
        if (bytes.length > maxBytes) {
            warnings.accept(ReadWarning.wholeFile(name, "is larger than " + maxBytes + " bytes, too large for"
                    + " this kind of file; it was not read"));
            return Optional.empty();
        }
        int from = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString());
        } catch (CharacterCodingException notUtf8) {
            warnings.accept(ReadWarning.wholeFile(name, "is not valid UTF-8; the bytes that are not were"
                    + " replaced by U+FFFD"));
            return Optional.of(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
        }
    }
}
