package dev.tunescope.run;

/**
 * One scalar metric of one run: steps in increasing order, with a value and (optionally) a wall time per step.
 *
 * <p>Points live in {@link PointBlock}s of {@value PointBlock#CAPACITY}, each column as narrow as its contents
 * allow while staying exact: a TensorBoard series logged every step at a steady pace costs about 4 bytes a point
 * (a float value; the steps are a stride and the wall times a line), a series of doubles with jittered times
 * about 10. Values come back exactly as they were added, bit for bit; wall times to the millisecond (they only
 * place points on a time axis). Non-finite values (NaN, ±Infinity) are kept as they were logged: they are the
 * evidence of divergence.
 *
 * <p>Immutable: the blocks are never written after they were sealed, and a {@link ScalarSeriesBuilder} may hold
 * the same blocks to go on reading, so that an open run holds its points once.
 */
public final class ScalarSeries {
    private static final PointBlock[] NO_BLOCKS = new PointBlock[0];

    private final String tag;
    private final PointBlock[] blocks; // all full but the last
    private final int size;
    private final boolean wallTimes;
    private SeriesStats stats; // computed on first use; a benign race, the record is immutable

    ScalarSeries(String tag, PointBlock[] blocks, int size, boolean wallTimes) {
        this.tag = tag;
        this.blocks = size == 0 ? NO_BLOCKS : blocks;
        this.size = size;
        this.wallTimes = wallTimes;
    }

    /** A series from plain arrays (copied), without wall times. */
    public static ScalarSeries of(String tag, long[] steps, double[] values) {
        if (steps.length != values.length) {
            throw new IllegalArgumentException("column lengths differ for " + tag);
        }
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
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long step(int index) {
        return block(index).step(index & PointBlock.MASK);
    }

    public double value(int index) {
        return block(index).value(index & PointBlock.MASK);
    }

    public boolean hasWallTimes() {
        return wallTimes;
    }

    /** Wall time in seconds since the epoch (to the millisecond), or NaN where the format records none. */
    public double wallTime(int index) {
        return block(index).wallTime(index & PointBlock.MASK);
    }

    private PointBlock block(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " of a series of " + size + " points");
        }
        return blocks[index >>> PointBlock.SHIFT];
    }

    public long firstStep() {
        return step(0);
    }

    public long lastStep() {
        return step(size - 1);
    }

    public double lastValue() {
        return value(size - 1);
    }

    /** The index of the first point whose step is {@code >= step}, or {@link #size()} if none. */
    public int indexAtOrAfter(long step) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (step(mid) < step) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** Copies of the columns, for callers that hand them to numeric code. */
    public long[] stepsCopy() {
        long[] steps = new long[size];
        for (int i = 0; i < size; i++) {
            steps[i] = step(i);
        }
        return steps;
    }

    public double[] valuesCopy() {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = value(i);
        }
        return values;
    }

    /** Counts, extremes and non-finite values, computed in one pass on first use. */
    public SeriesStats stats() {
        SeriesStats computed = stats;
        if (computed == null) {
            computed = SeriesStats.of(this);
            stats = computed;
        }
        return computed;
    }

    /** Bytes held by the point blocks, their headers included (for the heap budget and the memory benchmark). */
    public long retainedBytes() {
        long bytes = 16L + 4L * blocks.length;
        for (PointBlock block : blocks) {
            bytes += block.retainedBytes();
        }
        return bytes;
    }

    /** How the points are stored, for the memory benchmark and tests. */
    public SeriesLayout layout() {
        return SeriesLayout.of(blocks);
    }

    @Override
    public String toString() {
        return "ScalarSeries[" + tag + ", " + size() + " points]";
    }
}
