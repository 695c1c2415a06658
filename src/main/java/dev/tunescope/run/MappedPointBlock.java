package dev.tunescope.run;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A {@link PointBlock} whose columns live in a buffer outside the heap (a memory-mapped file of the run cache):
 * the same narrow columns as {@link HeapPointBlock}, read in place. On the heap it costs only this object (about
 * 90 bytes for up to {@value PointBlock#CAPACITY} points), so a run larger than the heap can be held whole.
 *
 * <p>Layout at the block's offset, little-endian, every column starting on 8 bytes:
 * <pre>
 *   0  int    points (1..1024)
 *   4  byte   bytes a step residual: 0 (on the line), 2, 4, or 8 (the steps themselves)
 *   5  byte   bytes a value: 4 (float) or 8 (double)
 *   6  byte   wall times: 0 none, 1 millisecond ticks after an origin, 2 as logged (doubles)
 *   7  byte   bytes a tick residual (as for steps)
 *   8  long   first step        16 double step slope
 *  24  double wall-time origin  32 long   first tick         40 double tick slope
 *  48  step residuals, then values, then tick residuals or logged wall times
 * </pre>
 * The line arithmetic is {@link PredictedLongs}'s, so every point reads back bit for bit as it was sealed.
 */
final class MappedPointBlock extends PointBlock {
    static final int HEADER = 48;
    static final int NO_WALLS = 0;
    static final int WALL_TICKS = 1;
    static final int WALLS_AS_LOGGED = 2;

    private final ByteBuffer buffer;
    private final long position; // where the block lies in the cache file, for the cache's index
    private final int size;
    private final byte stepBytes;
    private final byte valueBytes;
    private final byte wallKind;
    private final byte tickBytes;
    private final long stepFirst;
    private final double stepSlope;
    private final double wallOrigin;
    private final long tickFirst;
    private final double tickSlope;
    private final int stepsAt;
    private final int valuesAt;
    private final int wallsAt;

    private MappedPointBlock(ByteBuffer buffer, int at, long position) {
        this.buffer = buffer;
        this.position = position;
        this.size = buffer.getInt(at);
        this.stepBytes = buffer.get(at + 4);
        this.valueBytes = buffer.get(at + 5);
        this.wallKind = buffer.get(at + 6);
        this.tickBytes = buffer.get(at + 7);
        this.stepFirst = buffer.getLong(at + 8);
        this.stepSlope = buffer.getDouble(at + 16);
        this.wallOrigin = buffer.getDouble(at + 24);
        this.tickFirst = buffer.getLong(at + 32);
        this.tickSlope = buffer.getDouble(at + 40);
        this.stepsAt = at + HEADER;
        this.valuesAt = stepsAt + padded(size * stepBytes);
        this.wallsAt = valuesAt + padded(size * valueBytes);
    }

    /**
     * The block written at {@code at} of {@code buffer} (little-endian), which lies at {@code position} of its file.
     *
     * @throws IllegalArgumentException when the bytes there are not a whole, well-formed block (a damaged cache)
     */
    static MappedPointBlock read(ByteBuffer buffer, int at, long position) {
        if (buffer.order() != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalArgumentException("a block's buffer must be little-endian");
        }
        if (at < 0 || at > buffer.limit() - HEADER) {
            throw new IllegalArgumentException("no block header at " + at + " of " + buffer.limit() + " bytes");
        }
        int size = buffer.getInt(at);
        int steps = buffer.get(at + 4);
        int values = buffer.get(at + 5);
        int walls = buffer.get(at + 6);
        int ticks = buffer.get(at + 7);
        if (size < 1 || size > CAPACITY || !residualWidth(steps) || (values != 4 && values != 8)
                || walls < NO_WALLS || walls > WALLS_AS_LOGGED || !residualWidth(ticks)) {
            throw new IllegalArgumentException("not a block header at byte " + position);
        }
        long end = (long) at + storedBytes(size, steps, values, walls == WALL_TICKS ? ticks
                : walls == WALLS_AS_LOGGED ? 8 : 0);
        if (end > buffer.limit()) {
            throw new IllegalArgumentException("the block at byte " + position + " runs past its file's end");
        }
        return new MappedPointBlock(buffer, at, position);
    }

    private static boolean residualWidth(int bytes) {
        return bytes == 0 || bytes == 2 || bytes == 4 || bytes == 8;
    }

    /** Bytes a block of {@code size} points takes with these column widths ({@code wallBytes} 0 for none). */
    static int storedBytes(int size, int stepBytes, int valueBytes, int wallBytes) {
        return HEADER + padded(size * stepBytes) + padded(size * valueBytes) + padded(size * wallBytes);
    }

    static int padded(int bytes) {
        return (bytes + 7) & ~7;
    }

    static void writeHeader(ByteBuffer out, int at, int size, int stepBytes, int valueBytes, int wallKind,
                            int tickBytes, long stepFirst, double stepSlope, double wallOrigin, long tickFirst,
                            double tickSlope) {
        out.putInt(at, size);
        out.put(at + 4, (byte) stepBytes);
        out.put(at + 5, (byte) valueBytes);
        out.put(at + 6, (byte) wallKind);
        out.put(at + 7, (byte) tickBytes);
        out.putLong(at + 8, stepFirst);
        out.putDouble(at + 16, stepSlope);
        out.putDouble(at + 24, wallOrigin);
        out.putLong(at + 32, tickFirst);
        out.putDouble(at + 40, tickSlope);
    }

    long position() {
        return position;
    }

    @Override
    int size() {
        return size;
    }

    @Override
    long step(int index) {
        return PredictedLongs.read(buffer, stepsAt, stepBytes, stepFirst, stepSlope, index);
    }

    @Override
    double value(int index) {
        return valueBytes == 4 ? buffer.getFloat(valuesAt + 4 * index) : buffer.getDouble(valuesAt + 8 * index);
    }

    @Override
    double wallTime(int index) {
        return switch (wallKind) {
            case WALL_TICKS -> wallOrigin + PredictedLongs.read(buffer, wallsAt, tickBytes, tickFirst, tickSlope,
                    index) / WallTimes.TICKS_A_SECOND;
            case WALLS_AS_LOGGED -> buffer.getDouble(wallsAt + 8 * index);
            default -> Double.NaN;
        };
    }

    @Override
    boolean hasWallTimes() {
        return wallKind != NO_WALLS;
    }

    @Override
    boolean valuesAreFloats() {
        return valueBytes == 4;
    }

    @Override
    int stepBytes() {
        return stepBytes;
    }

    @Override
    int wallBytes() {
        return wallKind == WALL_TICKS ? tickBytes : wallKind == WALLS_AS_LOGGED ? 8 : 0;
    }

    /** This object only: the points are in the mapped file, outside the heap. */
    @Override
    long retainedBytes() {
        return 96;
    }
}
