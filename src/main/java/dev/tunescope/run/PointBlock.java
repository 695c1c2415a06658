package dev.tunescope.run;

/**
 * Up to {@value #CAPACITY} consecutive points of a series, each column in the narrowest form that holds it
 * exactly: steps as a {@link PredictedLongs} (nothing at all for a constant stride), values as {@code float}s when
 * every one of them converts to a {@code float} and back bit for bit (what TensorBoard's {@code simple_value} and
 * tensorboardX write) and as {@code double}s otherwise, wall times as {@link WallTimes}. Each block chooses for
 * itself, so one value that is not a float widens only the block it falls in.
 *
 * <p>A block lives on the heap ({@link HeapPointBlock}) or, the same columns byte for byte, in a memory-mapped
 * file of the run cache ({@link MappedPointBlock}), so that a run larger than the heap can still be read whole.
 *
 * <p>Blocks are the unit of sharing: a finished block is immutable and is held both by the builder that sealed it
 * and by every series built since, so a series that is read on (live refresh) holds its points once.
 */
abstract sealed class PointBlock permits HeapPointBlock, MappedPointBlock {
    static final int SHIFT = 10;
    static final int CAPACITY = 1 << SHIFT;
    static final int MASK = CAPACITY - 1;
    /**
     * The block object, its steps column and the headers of its arrays, for estimates of what a series holds
     * (compressed pointers): 32 + 32 + 3 x 16, rounded up.
     */
    static final int OVERHEAD = 128;

    /**
     * The first {@code count} points of the given columns (1 <= count <= {@value #CAPACITY}) on the heap;
     * {@code walls} may be null when none has a wall time. The columns are copied.
     */
    static PointBlock of(long[] steps, double[] values, double[] walls, int count) {
        return HeapPointBlock.of(steps, values, walls, count);
    }

    abstract int size();

    abstract long step(int index);

    abstract double value(int index);

    abstract double wallTime(int index);

    abstract boolean hasWallTimes();

    abstract boolean valuesAreFloats();

    abstract int stepBytes();

    abstract int wallBytes();

    /** Heap bytes the block holds (for a mapped block, only its header object). */
    abstract long retainedBytes();

    /** The first {@code count} points back into plain columns ({@code walls} may be null). */
    final void copyInto(long[] stepsOut, double[] valuesOut, double[] wallsOut, int count) {
        for (int i = 0; i < count; i++) {
            stepsOut[i] = step(i);
            valuesOut[i] = value(i);
            if (wallsOut != null) {
                wallsOut[i] = wallTime(i);
            }
        }
    }
}
