package dev.tunescope.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the points of one scalar series as a reader meets them, with TensorBoard's restart rule applied to
 * every format: a point at step {@code s} that is not after the last point drops every earlier point at a step
 * {@code >= s}. A run restarted from a checkpoint therefore keeps only its newest history, and a step logged
 * twice keeps its last value. {@link #droppedPoints()} tells the reader how many points that rule removed.
 *
 * <p>Points are kept in fixed-size blocks rather than one array grown by copying: reading millions of points
 * then never copies the ones already read, and never asks the collector for ever larger arrays.
 */
public final class ScalarSeriesBuilder {
    private static final int BLOCK = 1 << 13;

    private final String tag;
    private final List<long[]> stepBlocks = new ArrayList<>();
    private final List<double[]> valueBlocks = new ArrayList<>();
    private final List<float[]> wallBlocks = new ArrayList<>();
    private double wallOrigin = Double.NaN; // the first wall time met; offsets are relative to it
    private int size;
    private long droppedPoints;

    public ScalarSeriesBuilder(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    public int size() {
        return size;
    }

    public long droppedPoints() {
        return droppedPoints;
    }

    /**
     * Adds a point.
     *
     * @param wallTime seconds since the epoch, or NaN where the format records none
     * @return how many earlier points this point replaced (0 for a point after the last one)
     */
    public int add(long step, double value, double wallTime) {
        int dropped = 0;
        if (size > 0 && step <= step(size - 1)) {
            dropped = truncateFrom(step);
        }
        if (size == stepBlocks.size() * BLOCK) {
            stepBlocks.add(new long[BLOCK]);
            valueBlocks.add(new double[BLOCK]);
            wallBlocks.add(new float[BLOCK]);
        }
        if (Double.isNaN(wallOrigin)) {
            wallOrigin = wallTime;
        }
        int block = size / BLOCK;
        int at = size % BLOCK;
        stepBlocks.get(block)[at] = step;
        valueBlocks.get(block)[at] = value;
        wallBlocks.get(block)[at] = (float) (wallTime - wallOrigin); // NaN for a point logged without a time
        size++;
        return dropped;
    }

    /** Drops every point at a step {@code >= step} (a run restarted from a checkpoint); returns how many. */
    public int truncateFrom(long step) {
        int low = 0;
        int high = size; // the first index whose step is >= step lies in [low, high]
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (step(mid) < step) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int dropped = size - low;
        size = low;
        droppedPoints += dropped;
        while (stepBlocks.size() * BLOCK - size >= BLOCK) { // release blocks no longer used
            int last = stepBlocks.size() - 1;
            stepBlocks.remove(last);
            valueBlocks.remove(last);
            wallBlocks.remove(last);
        }
        return dropped;
    }

    private long step(int index) {
        return stepBlocks.get(index / BLOCK)[index % BLOCK];
    }

    /** An immutable series of the points collected so far; the builder stays usable. */
    public ScalarSeries build() {
        long[] steps = new long[size];
        double[] values = new double[size];
        float[] offsets = Double.isNaN(wallOrigin) ? null : new float[size];
        for (int block = 0, from = 0; from < size; block++, from += BLOCK) {
            int count = Math.min(BLOCK, size - from);
            System.arraycopy(stepBlocks.get(block), 0, steps, from, count);
            System.arraycopy(valueBlocks.get(block), 0, values, from, count);
            if (offsets != null) {
                System.arraycopy(wallBlocks.get(block), 0, offsets, from, count);
            }
        }
        return new ScalarSeries(tag, steps, values, wallOrigin, offsets);
    }
}
