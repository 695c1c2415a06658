package dev.tunescope.run;

/**
 * Up to {@value #CAPACITY} consecutive points of a series, each column in the narrowest form that holds it
 * exactly: steps as a {@link PredictedLongs} (nothing at all for a constant stride), values as {@code float}s when
 * every one of them converts to a {@code float} and back bit for bit (what TensorBoard's {@code simple_value} and
 * tensorboardX write) and as {@code double}s otherwise, wall times as {@link WallTimes}. Each block chooses for
 * itself, so one value that is not a float widens only the block it falls in.
 *
 * <p>Blocks are the unit of sharing: a finished block is immutable and is held both by the builder that sealed it
 * and by every series built since, so a series that is read on (live refresh) holds its points once.
 */
final class PointBlock {
    static final int SHIFT = 10;
    static final int CAPACITY = 1 << SHIFT;
    static final int MASK = CAPACITY - 1;
    /**
     * The block object, its steps column and the headers of its arrays, for estimates of what a series holds
     * (compressed pointers): 32 + 32 + 3 x 16, rounded up.
     */
    static final int OVERHEAD = 128;

    private final int size;
    private final PredictedLongs steps;
    private final float[] floats; // null when the values are kept as doubles
    private final double[] doubles;
    private final WallTimes walls; // null when no point of the block has a wall time

    private PointBlock(int size, PredictedLongs steps, float[] floats, double[] doubles, WallTimes walls) {
        this.size = size;
        this.steps = steps;
        this.floats = floats;
        this.doubles = doubles;
        this.walls = walls;
    }

    /**
     * The first {@code count} points of the given columns (1 <= count <= {@value #CAPACITY}); {@code walls} may
     * be null when none has a wall time. The columns are copied.
     */
    static PointBlock of(long[] steps, double[] values, double[] walls, int count) {
        float[] floats = new float[count];
        double[] doubles = null;
        for (int i = 0; i < count; i++) {
            float narrow = (float) values[i];
            // bit for bit, so a NaN's payload and the sign of zero survive too
            if (Double.doubleToRawLongBits(narrow) != Double.doubleToRawLongBits(values[i])) {
                doubles = new double[count];
                System.arraycopy(values, 0, doubles, 0, count);
                floats = null;
                break;
            }
            floats[i] = narrow;
        }
        return new PointBlock(count, PredictedLongs.of(steps, count), floats, doubles,
                walls == null ? null : WallTimes.of(walls, count));
    }

    int size() {
        return size;
    }

    long step(int index) {
        return steps.get(index);
    }

    double value(int index) {
        return floats != null ? floats[index] : doubles[index];
    }

    double wallTime(int index) {
        return walls == null ? Double.NaN : walls.get(index);
    }

    boolean hasWallTimes() {
        return walls != null;
    }

    boolean valuesAreFloats() {
        return floats != null;
    }

    int stepBytes() {
        return steps.bytesPerValue();
    }

    int wallBytes() {
        return walls == null ? 0 : walls.bytesPerPoint();
    }

    /** The first {@code count} points back into plain columns ({@code walls} may be null). */
    void copyInto(long[] stepsOut, double[] valuesOut, double[] wallsOut, int count) {
        for (int i = 0; i < count; i++) {
            stepsOut[i] = step(i);
            valuesOut[i] = value(i);
            if (wallsOut != null) {
                wallsOut[i] = wallTime(i);
            }
        }
    }

    /** What the block holds: its arrays' payload and {@link #OVERHEAD}. */
    long retainedBytes() {
        long bytes = OVERHEAD + steps.payloadBytes() + (floats != null ? 4L * size : 8L * size);
        if (walls != null) {
            bytes += 32 + walls.payloadBytes() + 16L * walls.arrays();
        }
        return bytes;
    }
}
