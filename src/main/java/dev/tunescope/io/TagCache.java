package dev.tunescope.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a tag's UTF-8 bytes into a String without making a new String for every event: a run logs the same few
 * tags millions of times. A small direct-mapped cache keyed by a hash of the bytes.
 */
final class TagCache {
    private static final int SLOTS = 256;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    String get(byte[] data, int offset, int length) {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + data[i];
        }
        int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && Arrays.equals(key, 0, key.length, data, offset, offset + length)) {
            return values[slot];
        }
        String tag = new String(data, offset, length, StandardCharsets.UTF_8);
        keys[slot] = Arrays.copyOfRange(data, offset, offset + length);
        values[slot] = tag;
        return tag;
    }
}
