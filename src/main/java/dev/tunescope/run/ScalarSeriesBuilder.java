package dev.tunescope.run;

import java.util.Arrays;

/**
 * Collects the points of one scalar series as a reader meets them, with TensorBoard's restart rule applied to
 * every format: a point at step {@code s} that is not after the last point drops every earlier point at a step
 * {@code >= s}. A run restarted from a checkpoint therefore keeps only its newest history, and a step logged
 * twice keeps its last value. {@link #droppedPoints()} tells the reader how many points that rule removed.
 *
 * <p>Memory follows the points held, not the number of series: a series starts with room for
 * {@value #FIRST_CAPACITY} points (a run may log fifty thousand tags once each) and grows geometrically, doubling
 * while small and by half beyond {@value #DOUBLING_LIMIT} points, so reading n points copies each about twice at
 * most. Wall times take no room until a point has one (CSV logs have none).
 *
 * <p>{@link #build()} trims the columns to their size and hands those very arrays to the series it returns, then
 * keeps them as its own: a run that stays open for live refreshes costs one copy of its points, not two. The
 * builder never writes into arrays a series holds; the next point after a build grows into new arrays, and a
 * restart that drops points copies what is kept first.
 */
public final class ScalarSeriesBuilder {
    static final int FIRST_CAPACITY = 8;
    static final int DOUBLING_LIMIT = 1 << 13;
    private static final long[] NO_STEPS = new long[0];
    private static final double[] NO_VALUES = new double[0];

    private final String tag;
    private long[] steps = NO_STEPS;
    private double[] values = NO_VALUES;
    private float[] wallOffsets; // null until a point has a wall time
    private double wallOrigin = Double.NaN; // the first wall time met; offsets are relative to it
    private int size;
    private long droppedPoints;
    private boolean shared; // the arrays belong to a built series too, so they are never written again
    private ScalarSeries built; // the series of exactly the points held now, once built

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

    /** Bytes reserved by the columns now, used or not (for memory tests and the memory benchmark). */
    public long reservedBytes() {
        return 8L * steps.length + 8L * values.length + (wallOffsets == null ? 0 : 4L * wallOffsets.length);
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
        if (shared || size == steps.length) {
            reallocate(size == steps.length ? grownCapacity() : steps.length);
        }
        if (!Double.isNaN(wallTime) && wallOffsets == null) {
            wallOrigin = wallTime;
            wallOffsets = new float[steps.length];
            Arrays.fill(wallOffsets, 0, size, Float.NaN); // the points before had no wall time
        }
        steps[size] = step;
        values[size] = value;
        if (wallOffsets != null) {
            wallOffsets[size] = (float) (wallTime - wallOrigin); // NaN for a point logged without a time
        }
        size++;
        built = null;
        return dropped;
    }

    /** Drops every point at a step {@code >= step} (a run restarted from a checkpoint); returns how many. */
    public int truncateFrom(long step) {
        int low = 0;
        int high = size; // the first index whose step is >= step lies in [low, high]
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (steps[mid] < step) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        int dropped = size - low;
        if (dropped > 0) {
            size = low;
            droppedPoints += dropped;
            built = null;
            if (size < steps.length / 4 && steps.length > FIRST_CAPACITY) {
                reallocate(Math.max(FIRST_CAPACITY, 2 * size)); // give back most of what a long history held
            }
        }
        return dropped;
    }

    /**
     * An immutable series of the points collected so far; the builder stays usable. Called again with no point
     * added or dropped in between, it returns the same series.
     */
    public ScalarSeries build() {
        if (built == null) {
            if (steps.length != size) {
                reallocate(size);
            }
            built = new ScalarSeries(tag, steps, values, wallOrigin, wallOffsets);
            shared = true;
        }
        return built;
    }

    private int grownCapacity() {
        int capacity = steps.length;
        long grown = capacity < FIRST_CAPACITY ? FIRST_CAPACITY
                : capacity < DOUBLING_LIMIT ? 2L * capacity : capacity + (capacity >> 1);
        if (grown > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a series cannot hold more than " + (Integer.MAX_VALUE - 8) + " points");
        }
        return (int) grown;
    }

    /** Moves the points into new arrays of {@code capacity}, leaving any built series its own. */
    private void reallocate(int capacity) {
        steps = Arrays.copyOf(steps, capacity);
        values = Arrays.copyOf(values, capacity);
        if (wallOffsets != null) {
            wallOffsets = Arrays.copyOf(wallOffsets, capacity);
        }
        shared = false;
    }
}
