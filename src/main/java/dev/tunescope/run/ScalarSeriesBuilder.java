package dev.tunescope.run;

import java.util.Arrays;

/**
 * Collects the points of one scalar series as a reader meets them, with TensorBoard's restart rule applied to
 * every format: a point at step {@code s} that is not after the last point drops every earlier point at a step
 * {@code >= s}. A run restarted from a checkpoint therefore keeps only its newest history, and a step logged
 * twice keeps its last value. {@link #droppedPoints()} tells the reader how many points that rule removed.
 *
 * <p>Memory follows the points held, not the number of series. New points go into blocks whose sizes grow
 * geometrically, from {@value #FIRST_BLOCK} points (a run may log fifty thousand tags once each) doubling up to
 * {@value #LARGEST_BLOCK}, then stay at that size: reading millions of points never copies the ones already read
 * and never asks the collector for ever larger arrays (under the Serial collector, growing one array by copying
 * made young collections copy it again and again, and reading 2.7 times slower). Wall times take no room until a
 * point has one (CSV logs have none).
 *
 * <p>{@link #build()} copies the points once into arrays of exactly their size, hands those to the series it
 * returns, and keeps them as its own first points: a run that stays open for live refreshes holds its points once,
 * not twice. Those arrays are never written again; later points go into new blocks, and a restart that drops
 * points among them copies what it keeps first.
 */
public final class ScalarSeriesBuilder {
    static final int FIRST_BLOCK = 8;
    static final int LARGEST_BLOCK = 1 << 13;
    /** Points held by the growing blocks {@code 8, 16, ..., 8192} together. */
    private static final int GROWING_POINTS = 2 * LARGEST_BLOCK - FIRST_BLOCK;
    private static final int GROWING_BLOCKS = Integer.numberOfTrailingZeros(LARGEST_BLOCK / FIRST_BLOCK) + 1;
    private static final long[] NO_STEPS = new long[0];
    private static final double[] NO_VALUES = new double[0];

    private final String tag;
    // points [0, builtSize): the columns of the last series built (or what a restart kept of them), never written
    private long[] builtSteps = NO_STEPS;
    private double[] builtValues = NO_VALUES;
    private float[] builtWalls; // null while no point has a wall time
    private int builtSize;
    // points [builtSize, size): in blocks
    private Block[] blocks;
    private int size;
    private long lastStep;
    private boolean wallTimes; // some point had a wall time, so every block keeps a wall-time column
    private double wallOrigin = Double.NaN; // the first wall time met; offsets are relative to it
    private long droppedPoints;
    private ScalarSeries built; // the series of exactly the points held now, once built

    /** One block of points; the wall-time column exists only once a point of the series had a wall time. */
    private static final class Block {
        final long[] steps;
        final double[] values;
        float[] walls;

        Block(int capacity, boolean wallTimes) {
            steps = new long[capacity];
            values = new double[capacity];
            walls = wallTimes ? nanFilled(capacity) : null;
        }
    }

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
        long bytes = 16L * builtSize + (builtWalls == null ? 0 : 4L * builtSize);
        if (blocks != null) {
            for (Block block : blocks) {
                if (block != null) {
                    bytes += 16L * block.steps.length + (block.walls == null ? 0 : 4L * block.walls.length);
                }
            }
        }
        return bytes;
    }

    /**
     * Adds a point.
     *
     * @param wallTime seconds since the epoch, or NaN where the format records none
     * @return how many earlier points this point replaced (0 for a point after the last one)
     */
    public int add(long step, double value, double wallTime) {
        int dropped = size > 0 && step <= lastStep ? truncateFrom(step) : 0;
        if (!Double.isNaN(wallTime) && !wallTimes) {
            startWallTimes(wallTime);
        }
        int tail = size - builtSize;
        Block block = blockFor(tail);
        int at = offsetInBlock(tail);
        block.steps[at] = step;
        block.values[at] = value;
        if (wallTimes) {
            block.walls[at] = (float) (wallTime - wallOrigin); // NaN for a point logged without a time
        }
        size++;
        lastStep = step;
        built = null;
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
        if (dropped == 0) {
            return 0;
        }
        if (low < builtSize) { // into the built columns: keep a private copy of what stays
            builtSteps = Arrays.copyOf(builtSteps, low);
            builtValues = Arrays.copyOf(builtValues, low);
            builtWalls = builtWalls == null ? null : Arrays.copyOf(builtWalls, low);
            builtSize = low;
            blocks = null;
        } else if (blocks != null) { // release the blocks no point is left in
            int used = low == builtSize ? 0 : blockIndex(low - 1 - builtSize) + 1;
            Arrays.fill(blocks, used, blocks.length, null);
        }
        size = low;
        lastStep = size == 0 ? 0 : step(size - 1);
        droppedPoints += dropped;
        built = null;
        return dropped;
    }

    /**
     * An immutable series of the points collected so far; the builder stays usable. Called again with no point
     * added or dropped in between, it returns the same series.
     */
    public ScalarSeries build() {
        if (built != null) {
            return built;
        }
        if (size > builtSize) {
            long[] steps = Arrays.copyOf(builtSteps, size);
            double[] values = Arrays.copyOf(builtValues, size);
            float[] walls = wallTimes ? Arrays.copyOf(builtWalls, size) : null;
            for (int from = builtSize, k = 0; from < size; k++) {
                int count = Math.min(blocks[k].steps.length, size - from);
                System.arraycopy(blocks[k].steps, 0, steps, from, count);
                System.arraycopy(blocks[k].values, 0, values, from, count);
                if (walls != null) {
                    System.arraycopy(blocks[k].walls, 0, walls, from, count);
                }
                from += count;
            }
            builtSteps = steps;
            builtValues = values;
            builtWalls = walls;
            builtSize = size;
            blocks = null;
        }
        built = new ScalarSeries(tag, builtSteps, builtValues, wallOrigin, builtWalls);
        return built;
    }

    private long step(int index) {
        if (index < builtSize) {
            return builtSteps[index];
        }
        int tail = index - builtSize;
        return blocks[blockIndex(tail)].steps[offsetInBlock(tail)];
    }

    /** The block for the point at tail index {@code tail} (counted from the first point after the built ones). */
    private Block blockFor(int tail) {
        int k = blockIndex(tail);
        if (blocks == null) {
            blocks = new Block[Math.max(4, k + 1)];
        } else if (k >= blocks.length) {
            blocks = Arrays.copyOf(blocks, Math.max(k + 1, 2 * blocks.length));
        }
        if (blocks[k] == null) {
            blocks[k] = new Block(k < GROWING_BLOCKS ? FIRST_BLOCK << k : LARGEST_BLOCK, wallTimes);
        }
        return blocks[k];
    }

    /** Blocks {@code 0..GROWING_BLOCKS-1} hold {@code 8 << k} points each, the ones after them 8192. */
    private static int blockIndex(int tail) {
        if (tail < GROWING_POINTS) {
            return 31 - Integer.numberOfLeadingZeros(tail / FIRST_BLOCK + 1);
        }
        return GROWING_BLOCKS + (tail - GROWING_POINTS) / LARGEST_BLOCK;
    }

    private static int offsetInBlock(int tail) {
        if (tail < GROWING_POINTS) {
            int k = 31 - Integer.numberOfLeadingZeros(tail / FIRST_BLOCK + 1);
            return tail - FIRST_BLOCK * ((1 << k) - 1);
        }
        return (tail - GROWING_POINTS) % LARGEST_BLOCK;
    }

    /** The first wall time: from here on every point has a wall-time slot, NaN for those before it. */
    private void startWallTimes(double wallTime) {
        wallTimes = true;
        wallOrigin = wallTime;
        builtWalls = nanFilled(builtSize); // a new column: the built steps and values stay shared as they are
        if (blocks != null) {
            for (Block block : blocks) {
                if (block != null) {
                    block.walls = nanFilled(block.steps.length);
                }
            }
        }
    }

    private static float[] nanFilled(int length) {
        float[] walls = new float[length];
        Arrays.fill(walls, Float.NaN);
        return walls;
    }
}
