package dev.tunescope.run;

import java.nio.ByteBuffer;

/** A {@link PointBlock} whose columns are Java arrays; it can write itself in {@link MappedPointBlock}'s layout. */
final class HeapPointBlock extends PointBlock {
    private final int size;
    private final PredictedLongs steps;
    private final float[] floats; // null when the values are kept as doubles
    private final double[] doubles;
    private final WallTimes walls; // null when no point of the block has a wall time

    private HeapPointBlock(int size, PredictedLongs steps, float[] floats, double[] doubles, WallTimes walls) {
        this.size = size;
        this.steps = steps;
        this.floats = floats;
        this.doubles = doubles;
        this.walls = walls;
    }

    static HeapPointBlock of(long[] steps, double[] values, double[] walls, int count) {
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
        return new HeapPointBlock(count, PredictedLongs.of(steps, count), floats, doubles,
                walls == null ? null : WallTimes.of(walls, count));
    }

    @Override
    int size() {
        return size;
    }

    @Override
    long step(int index) {
        return steps.get(index);
    }

    @Override
    double value(int index) {
        return floats != null ? floats[index] : doubles[index];
    }

    @Override
    double wallTime(int index) {
        return walls == null ? Double.NaN : walls.get(index);
    }

    @Override
    boolean hasWallTimes() {
        return walls != null;
    }

    @Override
    boolean valuesAreFloats() {
        return floats != null;
    }

    @Override
    int stepBytes() {
        return steps.bytesPerValue();
    }

    @Override
    int wallBytes() {
        return walls == null ? 0 : walls.bytesPerPoint();
    }

    @Override
    long retainedBytes() {
        long bytes = OVERHEAD + steps.payloadBytes() + (floats != null ? 4L * size : 8L * size);
        if (walls != null) {
            bytes += 32 + walls.payloadBytes() + 16L * walls.arrays();
        }
        return bytes;
    }

    /** Bytes {@link #writeTo} writes. */
    int storedBytes() {
        return MappedPointBlock.storedBytes(size, steps.bytesPerValue(), floats != null ? 4 : 8,
                walls == null ? 0 : walls.bytesPerPoint());
    }

    /** Writes the block at {@code at} in {@link MappedPointBlock}'s layout ({@link #storedBytes()} bytes). */
    void writeTo(ByteBuffer out, int at) {
        int wallKind = walls == null ? MappedPointBlock.NO_WALLS
                : walls.isTicks() ? MappedPointBlock.WALL_TICKS : MappedPointBlock.WALLS_AS_LOGGED;
        PredictedLongs ticks = walls != null && walls.isTicks() ? walls.ticks() : null;
        int valueBytes = floats != null ? 4 : 8;
        MappedPointBlock.writeHeader(out, at, size, steps.bytesPerValue(), valueBytes, wallKind,
                ticks == null ? 0 : ticks.bytesPerValue(), steps.first(), steps.slope(),
                walls == null || ticks == null ? 0 : walls.origin(), ticks == null ? 0 : ticks.first(),
                ticks == null ? 0 : ticks.slope());
        int position = at + MappedPointBlock.HEADER;
        steps.writeResiduals(out, position, size);
        position += MappedPointBlock.padded(size * steps.bytesPerValue());
        for (int i = 0; i < size; i++) {
            if (floats != null) {
                out.putFloat(position + 4 * i, floats[i]);
            } else {
                out.putDouble(position + 8 * i, doubles[i]);
            }
        }
        position += MappedPointBlock.padded(size * valueBytes);
        if (ticks != null) {
            ticks.writeResiduals(out, position, size);
        } else if (walls != null) {
            for (int i = 0; i < size; i++) {
                out.putDouble(position + 8 * i, walls.logged(i));
            }
        }
    }
}
