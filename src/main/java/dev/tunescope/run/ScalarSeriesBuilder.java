package dev.tunescope.run;

import java.util.Arrays;

/**
 * Collects the points of one scalar series as a reader meets them, with TensorBoard's restart rule applied to
 * every format: a point at step {@code s} that is not after the last point drops every earlier point at a step
 * {@code >= s}. A run restarted from a checkpoint therefore keeps only its newest history, and a step logged
 * twice keeps its last value. {@link #droppedPoints()} tells the reader how many points that rule removed.
 */
public final class ScalarSeriesBuilder {
    private final String tag;
    private long[] steps = new long[16];
    private double[] values = new double[16];
    private float[] wallOffsets = new float[16];
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
        if (size > 0 && step <= steps[size - 1]) {
            dropped = truncateFrom(step);
        }
        if (size == steps.length) {
            int capacity = steps.length + (steps.length >> 1) + 1;
            steps = Arrays.copyOf(steps, capacity);
            values = Arrays.copyOf(values, capacity);
            wallOffsets = Arrays.copyOf(wallOffsets, capacity);
        }
        if (Double.isNaN(wallOrigin)) {
            wallOrigin = wallTime;
        }
        steps[size] = step;
        values[size] = value;
        wallOffsets[size] = (float) (wallTime - wallOrigin); // NaN for a point logged without a time
        size++;
        return dropped;
    }

    /** Drops every point at a step {@code >= step} (a run restarted from a checkpoint); returns how many. */
    public int truncateFrom(long step) {
        int keep = Arrays.binarySearch(steps, 0, size, step);
        keep = keep >= 0 ? keep : -keep - 1;
        int dropped = size - keep;
        size = keep;
        droppedPoints += dropped;
        return dropped;
    }

    /** An immutable series of the points collected so far; the builder stays usable. */
    public ScalarSeries build() {
        float[] offsets = Double.isNaN(wallOrigin) ? null : Arrays.copyOf(wallOffsets, size);
        return new ScalarSeries(tag, Arrays.copyOf(steps, size), Arrays.copyOf(values, size), wallOrigin, offsets);
    }
}
