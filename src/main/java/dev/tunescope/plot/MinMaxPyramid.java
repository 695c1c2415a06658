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
 * <p>Built in one pass, O(n). Memory: about {@code 2n / baseBlock} blocks of two doubles, two ints and a byte,
 * 25 bytes a block, so about 3.1 bytes a point at the default base block (the series itself holds 16 to 20).
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

    private final ScalarSeries series;
    private final int baseShift;
    private final double[][] min;
    private final double[][] max;
    private final int[][] minIndex;
    private final int[][] maxIndex;
    private final byte[][] flags;

    private MinMaxPyramid(ScalarSeries series, int baseShift, double[][] min, double[][] max, int[][] minIndex,
                          int[][] maxIndex, byte[][] flags) {
        this.series = series;
        this.baseShift = baseShift;
        this.min = min;
        this.max = max;
        this.minIndex = minIndex;
        this.maxIndex = maxIndex;
        this.flags = flags;
    }

    /** Builds the pyramid of a series with base blocks of {@value #DEFAULT_BASE_BLOCK} points. */
    public static MinMaxPyramid build(ScalarSeries series) {
        return build(series, DEFAULT_BASE_BLOCK);
    }

    /** Builds the pyramid of a series; {@code baseBlock} is a power of two (1 indexes every point). */
    public static MinMaxPyramid build(ScalarSeries series, int baseBlock) {
        if (baseBlock < 1 || Integer.bitCount(baseBlock) != 1) {
            throw new IllegalArgumentException("the base block must be a power of two, got " + baseBlock);
        }
        int baseShift = Integer.numberOfTrailingZeros(baseBlock);
        int n = series.size();
        int levels = 0;
        while ((n >> baseShift >> levels) > 0) {
            levels++;
        }
        double[][] min = new double[levels][];
        double[][] max = new double[levels][];
        int[][] minIndex = new int[levels][];
        int[][] maxIndex = new int[levels][];
        byte[][] flags = new byte[levels][];
        for (int level = 0; level < levels; level++) {
            int blocks = n >> baseShift >> level;
            min[level] = new double[blocks];
            max[level] = new double[blocks];
            minIndex[level] = new int[blocks];
            maxIndex[level] = new int[blocks];
            flags[level] = new byte[blocks];
        }
        if (levels > 0) {
            buildBase(series, baseBlock, min[0], max[0], minIndex[0], maxIndex[0], flags[0]);
        }
        for (int level = 1; level < levels; level++) {
            double[] lowerMin = min[level - 1];
            double[] lowerMax = max[level - 1];
            int[] lowerMinIndex = minIndex[level - 1];
            int[] lowerMaxIndex = maxIndex[level - 1];
            byte[] lowerFlags = flags[level - 1];
            for (int k = 0; k < min[level].length; k++) {
                int l = 2 * k;
                int r = l + 1;
                flags[level][k] = (byte) (lowerFlags[l] | lowerFlags[r]);
                int pick = lowerMinIndex[l] < 0 || (lowerMinIndex[r] >= 0 && lowerMin[r] < lowerMin[l]) ? r : l;
                min[level][k] = lowerMin[pick];
                minIndex[level][k] = lowerMinIndex[pick];
                pick = lowerMaxIndex[l] < 0 || (lowerMaxIndex[r] >= 0 && lowerMax[r] > lowerMax[l]) ? r : l;
                max[level][k] = lowerMax[pick];
                maxIndex[level][k] = lowerMaxIndex[pick];
            }
        }
        return new MinMaxPyramid(series, baseShift, min, max, minIndex, maxIndex, flags);
    }

    private static void buildBase(ScalarSeries series, int baseBlock, double[] min, double[] max, int[] minIndex,
                                  int[] maxIndex, byte[] flags) {
        for (int k = 0; k < min.length; k++) {
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
            min[k] = low;
            max[k] = high;
            minIndex[k] = lowest;
            maxIndex[k] = highest;
            flags[k] = (byte) bits;
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
        return min.length;
    }

    /** Points in a block of a level. */
    public int blockSize(int level) {
        return 1 << baseShift << level;
    }

    /** Whole blocks at a level. */
    public int blockCount(int level) {
        return min[level].length;
    }

    /** The lowest finite value in a block; NaN where it has none. */
    public double min(int level, int block) {
        return min[level][block];
    }

    /** The first index of the lowest finite value in a block; -1 where it has none. */
    public int minIndex(int level, int block) {
        return minIndex[level][block];
    }

    /** The highest finite value in a block; NaN where it has none. */
    public double max(int level, int block) {
        return max[level][block];
    }

    /** The first index of the highest finite value in a block; -1 where it has none. */
    public int maxIndex(int level, int block) {
        return maxIndex[level][block];
    }

    /** The non-finite kinds in a block: a combination of {@link #NAN}, {@link #POSITIVE_INFINITY} and
     *  {@link #NEGATIVE_INFINITY}. */
    public int nonFiniteFlags(int level, int block) {
        return flags[level][block];
    }

    // raw level arrays for the reducer's inner loop
    double[] minLevel(int level) {
        return min[level];
    }

    double[] maxLevel(int level) {
        return max[level];
    }

    int[] minIndexLevel(int level) {
        return minIndex[level];
    }

    int[] maxIndexLevel(int level) {
        return maxIndex[level];
    }

    byte[] flagsLevel(int level) {
        return flags[level];
    }

    /** Bytes held by the index (not counting the series). */
    public long retainedBytes() {
        long bytes = 0;
        for (int level = 0; level < levels(); level++) {
            bytes += (8L + 8 + 4 + 4 + 1) * min[level].length;
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "MinMaxPyramid[" + series + ", base " + baseBlock() + ", " + levels() + " levels]";
    }
}
