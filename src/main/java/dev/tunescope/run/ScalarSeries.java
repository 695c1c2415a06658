package dev.tunescope.run;

import java.util.Arrays;

/**
 * One scalar metric of one run: steps in increasing order, with a value and (optionally) a wall time per step.
 *
 * <p>Points live in primitive arrays so that a long run costs about 20 bytes a point: 8 for the step, 8 for the
 * value and 4 for the wall time, stored as a {@code float} offset in seconds from the series' first wall time
 * (milliseconds are kept for runs up to a day long; wall times only place points on a time axis). Non-finite
 * values (NaN, ±Infinity) are kept as they were logged: they are the evidence of divergence.
 *
 * <p>Immutable: the arrays are never handed out. The {@link ScalarSeriesBuilder} that made them may keep them as
 * its own storage, so that an open run holds its points once, but it never writes them again.
 */
public final class ScalarSeries {
    private final String tag;
    private final long[] steps;
    private final double[] values;
    private final double wallOrigin;
    private final float[] wallOffsets; // null when the format records no wall times

    ScalarSeries(String tag, long[] steps, double[] values, double wallOrigin, float[] wallOffsets) {
        if (steps.length != values.length || (wallOffsets != null && wallOffsets.length != steps.length)) {
            throw new IllegalArgumentException("column lengths differ for " + tag);
        }
        this.tag = tag;
        this.steps = steps;
        this.values = values;
        this.wallOrigin = wallOrigin;
        this.wallOffsets = wallOffsets;
    }

    /** A series from plain arrays (copied), without wall times. */
    public static ScalarSeries of(String tag, long[] steps, double[] values) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder(tag);
        for (int i = 0; i < steps.length; i++) {
            builder.add(steps[i], values[i], Double.NaN);
        }
        return builder.build();
    }

    public String tag() {
        return tag;
    }

    public int size() {
        return steps.length;
    }

    public boolean isEmpty() {
        return steps.length == 0;
    }

    public long step(int index) {
        return steps[index];
    }

    public double value(int index) {
        return values[index];
    }

    public boolean hasWallTimes() {
        return wallOffsets != null;
    }

    /** Wall time in seconds since the epoch, or NaN where the format records none. */
    public double wallTime(int index) {
        return wallOffsets == null ? Double.NaN : wallOrigin + wallOffsets[index];
    }

    public long firstStep() {
        return steps[0];
    }

    public long lastStep() {
        return steps[steps.length - 1];
    }

    public double lastValue() {
        return values[values.length - 1];
    }

    /** The index of the first point whose step is {@code >= step}, or {@link #size()} if none. */
    public int indexAtOrAfter(long step) {
        int found = Arrays.binarySearch(steps, step);
        return found >= 0 ? found : -found - 1;
    }

    /** Copies of the columns, for callers that hand them to numeric code. */
    public long[] stepsCopy() {
        return steps.clone();
    }

    public double[] valuesCopy() {
        return values.clone();
    }

    /** Counts, extremes and non-finite values, computed in one pass. */
    public SeriesStats stats() {
        return SeriesStats.of(values);
    }

    /** Bytes held by the point arrays (for the memory benchmark). */
    public long retainedBytes() {
        return 8L * steps.length + 8L * values.length + (wallOffsets == null ? 0 : 4L * wallOffsets.length);
    }

    @Override
    public String toString() {
        return "ScalarSeries[" + tag + ", " + size() + " points]";
    }
}
