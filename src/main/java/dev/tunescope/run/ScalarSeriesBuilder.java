package dev.tunescope.run;

import java.util.Arrays;

/**
 * Collects the points of one scalar series as a reader meets them, with TensorBoard's restart rule applied to
 * every format: a point at step {@code s} that is not after the last point drops every earlier point at a step
 * {@code >= s}. A run restarted from a checkpoint therefore keeps only its newest history, and a step logged
 * twice keeps its last value. {@link #droppedPoints()} tells the reader how many points that rule removed.
 *
 * <p>Points are stored as they come in their final form: the newest ones in plain columns of at most
 * {@value PointBlock#CAPACITY} points (starting at {@value #FIRST_BLOCK} and doubling, so a run of fifty thousand
 * one-point tags reserves little), and each time those fill up they are sealed into a compact, immutable
 * {@link PointBlock} and the columns are reused. Reading millions of points therefore never copies the points
 * already read and never holds more than one block of a series in plain form (24 bytes a point); the sealed
 * blocks are what the series keeps. Wall-time columns exist only once a point has had a wall time (CSV logs have
 * none).
 *
 * <p>{@link #build()} seals what is in the plain columns too, lets those columns go and hands every block to the
 * series it returns, keeping them as its own: a run that stays open for live refreshes holds its points once. A
 * point added after that reopens the last, partly filled block by copying it (at most {@value PointBlock#CAPACITY}
 * points); a restart that drops points in a sealed block does the same with what it keeps of that block.
 */
public final class ScalarSeriesBuilder {
    static final int FIRST_BLOCK = 8;
    private static final PointBlock[] NO_BLOCKS = new PointBlock[0];

    private final String tag;
    private final BlockSpace space; // where full blocks go; null keeps them on the heap
    // points [0, sealedPoints): sealed blocks, full but the last one when lastPartial
    private PointBlock[] sealed = NO_BLOCKS;
    private int sealedCount;
    private int sealedPoints;
    private boolean lastPartial;
    private long sealedBytes;
    // points [sealedPoints, size): the plain columns, null when none are held
    private long[] openSteps;
    private double[] openValues;
    private double[] openWalls; // null while no point has had a wall time
    private int size;
    private long lastStep;
    private boolean wallTimes; // some point had a wall time
    private long droppedPoints;
    private ScalarSeries built; // the series of exactly the points held now, once built

    public ScalarSeriesBuilder(String tag) {
        this(tag, null);
    }

    /** A builder that writes each block it fills into {@code space} (when that has room), not onto the heap. */
    public ScalarSeriesBuilder(String tag, BlockSpace space) {
        this.tag = tag;
        this.space = space;
    }

    /**
     * A builder that goes on from points kept in a run cache: {@code blocks} are where each block was written by
     * {@link #storeIn}, in order, all full but the last. Nothing is copied: the series it builds read them in place.
     *
     * @throws IllegalArgumentException when a slot holds no well-formed block, a block but the last is not full,
     *                                  or the steps do not increase (a damaged cache)
     */
    public static ScalarSeriesBuilder restore(String tag, BlockSpace space, java.util.List<BlockSpace.Slot> blocks,
                                              boolean wallTimes, long droppedPoints) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder(tag, space);
        long previous = Long.MIN_VALUE;
        for (int k = 0; k < blocks.size(); k++) {
            BlockSpace.Slot slot = blocks.get(k);
            MappedPointBlock block = MappedPointBlock.read(slot.buffer(), slot.at(), slot.position());
            if (k < blocks.size() - 1 && block.size() != PointBlock.CAPACITY) {
                throw new IllegalArgumentException("block " + k + " of " + tag + " is not full");
            }
            if (k > 0 && block.step(0) <= previous) {
                throw new IllegalArgumentException("the steps of " + tag + " go back at block " + k);
            }
            previous = block.step(block.size() - 1);
            builder.append(block);
        }
        builder.lastPartial = builder.sealedCount > 0 && builder.sealed[builder.sealedCount - 1].size()
                < PointBlock.CAPACITY;
        builder.size = builder.sealedPoints;
        builder.lastStep = builder.size == 0 ? 0 : previous;
        builder.wallTimes = wallTimes;
        builder.droppedPoints = droppedPoints;
        return builder;
    }

    /**
     * Where every block of the points held now lies in {@code space}, writing there the blocks not yet in it (the
     * last, partly filled one; those sealed while the space was full): what a run cache's index records. Null when
     * the space has no room left for them. The builder keeps its own blocks.
     */
    public long[] storeIn(BlockSpace space) {
        build();
        long[] positions = new long[sealedCount];
        for (int k = 0; k < sealedCount; k++) {
            PointBlock block = sealed[k];
            if (block instanceof MappedPointBlock mapped) {
                if (this.space != space) {
                    return null; // another cache's block: never the case for a run read through one cache
                }
                positions[k] = mapped.position();
                continue;
            }
            HeapPointBlock heap = (HeapPointBlock) block;
            BlockSpace.Slot slot = space.reserve(heap.storedBytes());
            if (slot == null) {
                return null;
            }
            heap.writeTo(slot.buffer(), slot.at());
            positions[k] = slot.position();
        }
        return positions;
    }

    /** True when some point has had a wall time (for a run cache's index). */
    public boolean hasWallTimes() {
        return wallTimes;
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
     * Bytes reserved now, used or not: the sealed blocks as {@link ScalarSeries#retainedBytes()} counts them and
     * the plain columns' capacity (for the heap budget, memory tests and the memory benchmark).
     */
    public long reservedBytes() {
        long open = openSteps == null ? 0 : (16L + (openWalls == null ? 0 : 8)) * openSteps.length;
        return 16 + sealedBytes + open; // 16: the series object that a build makes of them
    }

    /**
     * Bytes the points take now: the sealed blocks and, for the points not yet sealed, their plain columns' share
     * (16 or 24 bytes a point; the columns' unused room, at most one block's, is left out). What the heap budget
     * counts while a run is read.
     */
    public long heldBytes() {
        return 16 + sealedBytes + (openWalls == null ? 16L : 24L) * (size - sealedPoints);
    }

    /**
     * Adds a point.
     *
     * @param wallTime seconds since the epoch, or NaN where the format records none
     * @return how many earlier points this point replaced (0 for a point after the last one)
     */
    public int add(long step, double value, double wallTime) {
        int dropped = size > 0 && step <= lastStep ? truncateFrom(step) : 0;
        if (lastPartial) {
            reopenLast();
        }
        int at = size - sealedPoints;
        if (openSteps == null || at == openSteps.length) {
            grow(at + 1);
        }
        if (!wallTimes && !Double.isNaN(wallTime)) {
            wallTimes = true;
        }
        if (wallTimes && openWalls == null) {
            openWalls = new double[openSteps.length];
            Arrays.fill(openWalls, 0, at, Double.NaN); // the points before the first wall time have none
        }
        openSteps[at] = step;
        openValues[at] = value;
        if (openWalls != null) {
            openWalls[at] = wallTime;
        }
        size++;
        lastStep = step;
        built = null;
        if (at + 1 == PointBlock.CAPACITY) {
            seal(PointBlock.CAPACITY);
        }
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
        if (low < sealedPoints) { // into the sealed blocks: reopen the one the cut falls in, drop those after it
            int block = low >>> PointBlock.SHIFT;
            int keep = low & PointBlock.MASK;
            PointBlock cut = sealed[block];
            dropSealedFrom(block);
            lastPartial = false;
            if (keep > 0) {
                allocateOpen(keep, wallTimes);
                cut.copyInto(openSteps, openValues, openWalls, keep);
            } else {
                openSteps = null;
                openValues = null;
                openWalls = null;
            }
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
        int open = size - sealedPoints;
        if (open > 0) {
            seal(open);
            lastPartial = open < PointBlock.CAPACITY;
        }
        openSteps = null; // the plain columns are let go: the series and the builder share the sealed blocks
        openValues = null;
        openWalls = null;
        built = new ScalarSeries(tag, Arrays.copyOf(sealed, sealedCount), size, wallTimes);
        return built;
    }

    private long step(int index) {
        if (index < sealedPoints) {
            return sealed[index >>> PointBlock.SHIFT].step(index & PointBlock.MASK);
        }
        return openSteps[index - sealedPoints];
    }

    /**
     * Seals the first {@code count} points of the plain columns into a block; the columns stay for reuse. A full
     * block goes to the space when there is one with room (a partly filled one is reopened by the next point).
     */
    private void seal(int count) {
        append(outside(HeapPointBlock.of(openSteps, openValues, openWalls, count)));
    }

    private PointBlock outside(HeapPointBlock block) {
        if (space == null || block.size() < PointBlock.CAPACITY) {
            return block;
        }
        BlockSpace.Slot slot = space.reserve(block.storedBytes());
        if (slot == null) {
            return block;
        }
        block.writeTo(slot.buffer(), slot.at());
        return MappedPointBlock.read(slot.buffer(), slot.at(), slot.position());
    }

    private void append(PointBlock block) {
        if (sealedCount == sealed.length) {
            sealed = Arrays.copyOf(sealed, Math.max(4, 2 * sealedCount));
        }
        sealed[sealedCount++] = block;
        sealedPoints += block.size();
        sealedBytes += block.retainedBytes() + 4;
    }

    /** The last block was sealed partly filled by {@link #build()}: copy it back into plain columns. */
    private void reopenLast() {
        PointBlock last = sealed[sealedCount - 1];
        int count = last.size();
        dropSealedFrom(sealedCount - 1);
        lastPartial = false;
        allocateOpen(count + 1, wallTimes);
        last.copyInto(openSteps, openValues, openWalls, count);
    }

    private void dropSealedFrom(int block) {
        for (int k = block; k < sealedCount; k++) {
            sealedPoints -= sealed[k].size();
            sealedBytes -= sealed[k].retainedBytes() + 4;
            sealed[k] = null;
        }
        sealedCount = block;
    }

    /** Plain columns for at least {@code points} points: the next power of two from {@value #FIRST_BLOCK}. */
    private void allocateOpen(int points, boolean withWalls) {
        int capacity = Math.min(PointBlock.CAPACITY, Math.max(FIRST_BLOCK, Integer.highestOneBit(points - 1) << 1));
        openSteps = new long[capacity];
        openValues = new double[capacity];
        openWalls = withWalls ? new double[capacity] : null;
    }

    /** Room for {@code points} points in the plain columns, keeping the ones there. */
    private void grow(int points) {
        if (openSteps == null) {
            allocateOpen(points, wallTimes);
            return;
        }
        int capacity = Math.min(PointBlock.CAPACITY, 2 * openSteps.length);
        openSteps = Arrays.copyOf(openSteps, capacity);
        openValues = Arrays.copyOf(openValues, capacity);
        openWalls = openWalls == null ? null : Arrays.copyOf(openWalls, capacity);
    }
}
