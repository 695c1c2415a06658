package dev.tunescope.plot;

import dev.tunescope.run.ScalarSeries;

/**
 * A multi-resolution min/max index over a series' values, so that {@link FastM4Reducer} can find a pixel column's
 * extremes without reading every point in it.
 *
 * <p>Level 0 cuts the series into blocks of {@link #baseBlock()} points (16 by default); each level above joins
 * pairs of blocks of the level below, so a block at level {@code L} holds the {@code baseBlock << L} points starting
 * at {@code block * (baseBlock << L)}. Only whole blocks exist: the points after the last whole base block belong to
 * no block. Per block it keeps:
 * <ul>
 *   <li>the lowest and the highest finite value, each with the first index where it occurs (comparing with
 *       {@code <} and {@code >} in index order, as {@link M4Reducer} does, so ties and {@code -0.0} pick the same
 *       point); index -1 where the block has no finite value;</li>
 *   <li>which non-finite kinds (NaN, +Inf, -Inf) occur in it, as bits {@link #NAN}, {@link #POSITIVE_INFINITY} and
 *       {@link #NEGATIVE_INFINITY}.</li>
 * </ul>
 *
 * <p>Built in one pass, O(n). Memory: about {@code 2n / baseBlock} blocks of 24 bytes (two doubles, and two
 * offsets and the flags packed in a long, side by side so that a block costs one memory access), so 3 bytes a
 * point at the default base block (the series itself holds 16 to 20). Blocks stop at 2^28 points (an index inside
 * one fits 29 bits).
 * Immutable and safe to share between threads once built.
 */
public final class MinMaxPyramid {
    /** Flag bit: the block holds a NaN. */
    public static final int NAN = 1;
    /** Flag bit: the block holds +Infinity. */
    public static final int POSITIVE_INFINITY = 2;
    /** Flag bit: the block holds -Infinity. */
    public static final int NEGATIVE_INFINITY = 4;
    /** Points in a level-0 block by default. */
    public static final int DEFAULT_BASE_BLOCK = 16;

    /** Blocks are never longer than this, so that an offset inside one fits {@link #OFFSET_BITS} bits. */
    static final int MAX_BLOCK_SHIFT = 28;
    static final int OFFSET_BITS = 29;
    static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    static final int FLAGS_SHIFT = 2 * OFFSET_BITS;
    static final long HAS_FINITE = 1L << (FLAGS_SHIFT + 3);

    private final ScalarSeries series;
    private final int baseShift;
    /**
     * Per level, three longs per block, so that one block is read from one or two cache lines: the raw bits of the
     * lowest and of the highest finite value, then the offsets of their first indices from the block's start (bits
     * 0-28 and 29-57), the non-finite flags (bits 58-60) and {@link #HAS_FINITE}.
     */
    private final long[][] levels;

    private MinMaxPyramid(ScalarSeries series, int baseShift, long[][] levels) {
        this.series = series;
        this.baseShift = baseShift;
        this.levels = levels;
    }

    /**
     * Builds the pyramid of a series with base blocks of {@value #DEFAULT_BASE_BLOCK} points, or, past
     * {@value #FINE_POINTS} points, of as many more as keep it near 24 MB: a series read from the run cache may be
     * far larger than the heap, and its pyramid must not be (200 million points: base blocks of 512, 19 MB). The
     * reducer then scans up to twice a base block at a pixel column's edges, still a small part of a frame.
     */
    public static MinMaxPyramid build(ScalarSeries series) {
        return build(series, baseBlockFor(series.size()));
    }

    /** Points up to which a series gets the default base block (3 bytes a point, 24 MB at this size). */
    static final int FINE_POINTS = 8 << 20;

    static int baseBlockFor(int points) {
        if (points <= FINE_POINTS) {
            return DEFAULT_BASE_BLOCK;
        }
        int factor = Integer.highestOneBit((points - 1) / FINE_POINTS) << 1;
        return DEFAULT_BASE_BLOCK * factor;
    }

    /** Builds the pyramid of a series; {@code baseBlock} is a power of two (1 indexes every point). */
    public static MinMaxPyramid build(ScalarSeries series, int baseBlock) {
        if (baseBlock < 1 || Integer.bitCount(baseBlock) != 1 || baseBlock > 1 << MAX_BLOCK_SHIFT) {
            throw new IllegalArgumentException("the base block must be a power of two, got " + baseBlock);
        }
        int baseShift = Integer.numberOfTrailingZeros(baseBlock);
        int n = series.size();
        int count = 0;
        while ((n >> baseShift >> count) > 0 && baseShift + count <= MAX_BLOCK_SHIFT) {
            count++;
        }
        long[][] levels = new long[count][];
        for (int level = 0; level < count; level++) {
            levels[level] = new long[3 * (n >> baseShift >> level)];
        }
        if (count > 0) {
            buildBase(series, baseBlock, levels[0]);
        }
        for (int level = 1; level < count; level++) {
            long[] lower = levels[level - 1];
            long[] upper = levels[level];
            int half = baseBlock << (level - 1);
            for (int k = 0, blocks = upper.length / 3; k < blocks; k++) {
                int l = 6 * k;
                int r = l + 3;
                long lm = lower[l + 2];
                long rm = lower[r + 2];
                long meta = ((lm | rm) & (7L << FLAGS_SHIFT)) | ((lm | rm) & HAS_FINITE);
                long minBits;
                long maxBits;
                if ((lm & HAS_FINITE) == 0 && (rm & HAS_FINITE) == 0) {
                    minBits = maxBits = Double.doubleToRawLongBits(Double.NaN);
                } else {
                    boolean rightMin = (lm & HAS_FINITE) == 0 || ((rm & HAS_FINITE) != 0
                            && Double.longBitsToDouble(lower[r]) < Double.longBitsToDouble(lower[l]));
                    boolean rightMax = (lm & HAS_FINITE) == 0 || ((rm & HAS_FINITE) != 0
                            && Double.longBitsToDouble(lower[r + 1]) > Double.longBitsToDouble(lower[l + 1]));
                    minBits = rightMin ? lower[r] : lower[l];
                    maxBits = rightMax ? lower[r + 1] : lower[l + 1];
                    long minOffset = rightMin ? half + (rm & OFFSET_MASK) : lm & OFFSET_MASK;
                    long maxOffset = rightMax ? half + ((rm >>> OFFSET_BITS) & OFFSET_MASK)
                            : (lm >>> OFFSET_BITS) & OFFSET_MASK;
                    meta |= minOffset | maxOffset << OFFSET_BITS;
                }
                upper[3 * k] = minBits;
                upper[3 * k + 1] = maxBits;
                upper[3 * k + 2] = meta;
            }
        }
        return new MinMaxPyramid(series, baseShift, levels);
    }

    private static void buildBase(ScalarSeries series, int baseBlock, long[] blocks) {
        for (int k = 0, count = blocks.length / 3; k < count; k++) {
            int start = k * baseBlock;
            int lowest = -1;
            int highest = -1;
            double low = Double.NaN;
            double high = Double.NaN;
            int bits = 0;
            for (int i = start; i < start + baseBlock; i++) {
                double v = series.value(i);
                if (v - v == 0) { // finite
                    if (lowest < 0) {
                        lowest = highest = i;
                        low = high = v;
                    } else if (v < low) {
                        lowest = i;
                        low = v;
                    } else if (v > high) {
                        highest = i;
                        high = v;
                    }
                } else {
                    bits |= flag(v);
                }
            }
            long meta = (long) bits << FLAGS_SHIFT;
            if (lowest >= 0) {
                meta |= HAS_FINITE | (lowest - start) | (long) (highest - start) << OFFSET_BITS;
            }
            blocks[3 * k] = Double.doubleToRawLongBits(low);
            blocks[3 * k + 1] = Double.doubleToRawLongBits(high);
            blocks[3 * k + 2] = meta;
        }
    }

    /** The flag bit of a non-finite value. */
    static int flag(double value) {
        return Double.isNaN(value) ? NAN : value > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
    }

    public ScalarSeries series() {
        return series;
    }

    /** Points in a level-0 block. */
    public int baseBlock() {
        return 1 << baseShift;
    }

    int baseShift() {
        return baseShift;
    }

    /** Levels, 0 for a series shorter than one base block. */
    public int levels() {
        return levels.length;
    }

    /** Points in a block of a level. */
    public int blockSize(int level) {
        return 1 << baseShift << level;
    }

    /** Whole blocks at a level. */
    public int blockCount(int level) {
        return levels[level].length / 3;
    }

    /** The lowest finite value in a block; NaN where it has none. */
    public double min(int level, int block) {
        return Double.longBitsToDouble(levels[level][3 * block]);
    }

    /** The first index of the lowest finite value in a block; -1 where it has none. */
    public int minIndex(int level, int block) {
        long meta = levels[level][3 * block + 2];
        return (meta & HAS_FINITE) == 0 ? -1 : block * blockSize(level) + (int) (meta & OFFSET_MASK);
    }

    /** The highest finite value in a block; NaN where it has none. */
    public double max(int level, int block) {
        return Double.longBitsToDouble(levels[level][3 * block + 1]);
    }

    /** The first index of the highest finite value in a block; -1 where it has none. */
    public int maxIndex(int level, int block) {
        long meta = levels[level][3 * block + 2];
        return (meta & HAS_FINITE) == 0 ? -1
                : block * blockSize(level) + (int) ((meta >>> OFFSET_BITS) & OFFSET_MASK);
    }

    /** The non-finite kinds in a block: a combination of {@link #NAN}, {@link #POSITIVE_INFINITY} and
     *  {@link #NEGATIVE_INFINITY}. */
    public int nonFiniteFlags(int level, int block) {
        return (int) (levels[level][3 * block + 2] >>> FLAGS_SHIFT) & 7;
    }

    /** A level's raw blocks, for the reducer's inner loop (see {@link #levels}). */
    long[] level(int level) {
        return levels[level];
    }

    /** Bytes held by the index (not counting the series). */
    public long retainedBytes() {
        long bytes = 0;
        for (long[] level : levels) {
            bytes += 8L * level.length;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "MinMaxPyramid[" + series + ", base " + baseBlock() + ", " + levels() + " levels]";
    }
}
