package dev.tunescope.cli;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How the commands write JSON: indented, with NaN/Infinity as strings since JSON has no such numbers, and with
 * every character {@link TerminalText} counts as unsafe written as a {@code \}{@code uHHHH} escape (Jackson
 * escapes only the ASCII controls by itself): a name read from a file comes back exact from the JSON, and the
 * JSON printed on a terminal holds no control character.
 */
final class JsonValues {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        MAPPER.getFactory().setCharacterEscapes(new TerminalSafeEscapes());
    }

    private JsonValues() {
    }

    /** A number, or "NaN" / "Infinity" / "-Infinity" as a string. */
    static void put(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.put(name, Double.toString(value));
        }
    }

    /** A number, or null where it is not finite (a minimum over no finite values, say). */
    static void putOrNull(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private final int[] asciiEscapes = CharacterEscapes.standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            asciiEscapes[0x7f] = CharacterEscapes.ESCAPE_STANDARD; // DEL; the other ASCII controls already are
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return asciiEscapes;
        }

        /** Asked for every character past ASCII: null writes it as it is. */
        @Override
        public SerializableString getEscapeSequence(int ch) {
            return TerminalText.isUnsafe((char) ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
