package dev.tunescope.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Numbers the tags of one event file as their UTF-8 bytes come by, 0, 1, 2... in the order first met, and keeps
 * each one's String: a run logs the same few tags millions of times, and a number lets the reader find the tag's
 * series by array index instead of hashing the tag per record.
 *
 * <p>Writers log their tags in the same order step after step, so the tag that followed the previous one last time
 * is compared in place first, eight bytes at a time; the bytes are hashed only when that guess is wrong. Past
 * {@value #MAX_TAGS} distinct tags (a file no trainer writes) new tags get {@link #NONE} and the caller spells them
 * itself, so that a hostile file of distinct tags cannot make the table grow with it.
 */
final class TagTable {
    static final int NONE = -1;
    static final int MAX_TAGS = 1 << 14;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[][] keys = new byte[8][];
    private String[] names = new String[8];
    /** For each tag, the tag that came right after it the last time it was met. */
    private int[] next = new int[8];
    private int count;
    /** Open addressing by hash of the bytes: a tag's number + 1, 0 for an empty slot; at most half full. */
    private int[] slots = new int[16];
    private int previous = NONE;

    /** The number of the tag spelled by {@code data[offset, offset + length)}, or {@link #NONE} when full. */
    int idOf(byte[] data, int offset, int length) {
        int guess = previous == NONE ? NONE : next[previous];
        if (guess != NONE && spells(keys[guess], data, offset, length)) {
            previous = guess;
            return guess;
        }
        int id = lookUp(data, offset, length);
        if (previous != NONE && id != NONE) {
            next[previous] = id;
        }
        previous = id;
        return id;
    }

    String name(int id) {
        return names[id];
    }

    private int lookUp(byte[] data, int offset, int length) {
        int mask = slots.length - 1;
        int slot = hash(data, offset, length) & mask;
        while (slots[slot] != 0) {
            int id = slots[slot] - 1;
            if (spells(keys[id], data, offset, length)) {
                return id;
            }
            slot = (slot + 1) & mask;
        }
        if (count == MAX_TAGS) {
            return NONE;
        }
        int id = add(Arrays.copyOfRange(data, offset, offset + length));
        slots[slot] = id + 1;
        if (2 * count > slots.length) {
            rehash(2 * slots.length);
        }
        return id;
    }

    private int add(byte[] key) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, 2 * count);
            names = Arrays.copyOf(names, 2 * count);
            next = Arrays.copyOf(next, 2 * count);
        }
        keys[count] = key;
        names[count] = new String(key, StandardCharsets.UTF_8);
        next[count] = NONE;
        return count++;
    }

    private void rehash(int size) {
        slots = new int[size];
        for (int id = 0; id < count; id++) {
            int slot = hash(keys[id], 0, keys[id].length) & (size - 1);
            while (slots[slot] != 0) {
                slot = (slot + 1) & (size - 1);
            }
            slots[slot] = id + 1;
        }
    }

    /**
     * Whether {@code key} is {@code data[offset, offset + length)}. Eight bytes a step, the last step overlapping
     * the one before: tags are short, so the vectorised mismatch's set-up would cost more than it saves, and a tag
     * such as {@code train/metric_3} differs from its neighbours only in its last byte.
     */
    static boolean spells(byte[] key, byte[] data, int offset, int length) {
        if (key.length != length) {
            return false;
        }
        if (length < Long.BYTES) {
            for (int i = 0; i < length; i++) {
                if (key[i] != data[offset + i]) {
                    return false;
                }
            }
            return true;
        }
        int last = length - Long.BYTES;
        for (int i = 0; i < last; i += Long.BYTES) {
            if ((long) LONGS.get(key, i) != (long) LONGS.get(data, offset + i)) {
                return false;
            }
        }
        return (long) LONGS.get(key, last) == (long) LONGS.get(data, offset + last);
    }

    private static int hash(byte[] data, int offset, int length) {
        int hash = 1;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + data[i];
        }
        return hash ^ (hash >>> 16);
    }
}
