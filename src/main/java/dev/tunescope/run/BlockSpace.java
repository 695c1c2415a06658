package dev.tunescope.run;

import java.nio.ByteBuffer;

/**
 * Room outside the heap for a series' full point blocks: a run cache file mapped into memory. A
 * {@link ScalarSeriesBuilder} given one writes each block it fills there and keeps only a small header object on
 * the heap, so reading a run larger than the heap streams its points into their final storage.
 */
public interface BlockSpace {

    /**
     * Room for {@code bytes} bytes: {@code buffer} is little-endian and writable from {@code at} for that many
     * bytes, and stays readable for as long as anything holds it. Null when the space is full or no longer
     * usable; the block then stays on the heap.
     */
    Slot reserve(int bytes);

    /** Reserved room; {@code position} is where it lies in the space's file. */
    record Slot(ByteBuffer buffer, int at, long position) {
    }
}
