package dev.tunescope.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a tag's UTF-8 bytes into a String without making a new String for every event: a run logs the same few
 * tags millions of times. A small direct-mapped cache keyed by a hash of the bytes, and in front of it a guess:
 * writers log their tags in the same order step after step, so the tag that followed the previous one last time is
 * compared in place first, and the bytes are hashed only when the guess is wrong.
 */
final class TagCache {
    private static final int SLOTS = 256;
    private static final int NONE = -1;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];
    /** For each slot, the slot of the tag that came right after it the last time it was seen. */
    private final int[] next = new int[SLOTS];
    private int previous = NONE;

    TagCache() {
        Arrays.fill(next, NONE);
    }

    String get(byte[] data, int offset, int length) {
        int guess = previous == NONE ? NONE : next[previous];
        if (guess != NONE && holds(guess, data, offset, length)) {
            previous = guess;
            return values[guess];
        }
        int slot = slotOf(data, offset, length);
        if (!holds(slot, data, offset, length)) {
            keys[slot] = Arrays.copyOfRange(data, offset, offset + length);
            values[slot] = new String(data, offset, length, StandardCharsets.UTF_8);
        }
        if (previous != NONE) {
            next[previous] = slot;
        }
        previous = slot;
        return values[slot];
    }

    private boolean holds(int slot, byte[] data, int offset, int length) {
        byte[] key = keys[slot];
        if (key == null || key.length != length) {
            return false;
        }
        // Tags are short: a plain loop beats the vectorised mismatch's set-up cost here.
        for (int i = 0; i < length; i++) {
            if (key[i] != data[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private static int slotOf(byte[] data, int offset, int length) {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + data[i];
        }
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
