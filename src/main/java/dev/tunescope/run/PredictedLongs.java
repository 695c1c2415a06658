package dev.tunescope.run;

/**
 * A column of {@code long}s stored as their difference from a straight line through the first and the last one:
 * {@code value(i) = first + round(i * slope) + residual(i)}. Steps logged at a constant stride and wall-time
 * ticks of a steady training loop lie on that line, so their residuals are all zero and take no room; steps with
 * a gap, or wall times jittered by evaluation pauses, keep small residuals in 16 or 32 bits; anything else keeps
 * the values themselves. Exact in every case: the line is recomputed by the same arithmetic when read, and sums
 * wrap in two's complement, so {@code line + (value - line)} is {@code value} even at the ends of the range.
 *
 * <p>Immutable; at most one of the residual arrays is set.
 */
final class PredictedLongs {
    /** 2^52: integers up to twice this are doubles exactly, and so is the sum or difference of two of them. */
    private static final long EXACT = 1L << 52;
    private final long first;
    private final double slope;
    private final short[] small; // residuals in [-32768, 32767]
    private final int[] medium; // residuals in the int range
    private final long[] raw; // the values themselves

    private PredictedLongs(long first, double slope, short[] small, int[] medium, long[] raw) {
        this.first = first;
        this.slope = slope;
        this.small = small;
        this.medium = medium;
        this.raw = raw;
    }

    /** The first {@code count} of {@code values} (count >= 1). */
    static PredictedLongs of(long[] values, int count) {
        long first = values[0];
        // through doubles: the difference of two longs may overflow, the line only has to be a good guess
        double slope = count > 1 ? ((double) values[count - 1] - (double) first) / (count - 1) : 0;
        if (evenlySpaced(values, count)) {
            return new PredictedLongs(first, slope, null, null, null);
        }
        // one pass for the common cases, each residual computed once (the rounding in line() is most of the cost):
        // the short array is made at the first residual that is not zero, and left at the first that does not fit
        short[] small = null;
        for (int i = 1; i < count; i++) {
            long residual = values[i] - line(first, slope, i);
            if (residual != 0) {
                if (residual != (short) residual) {
                    return wide(values, count, first, slope);
                }
                if (small == null) {
                    small = new short[count];
                }
                small[i] = (short) residual;
            }
        }
        return new PredictedLongs(first, slope, small, null, null);
    }

    /**
     * True when the values go up or down by one whole stride each (steps logged every n), and are small enough
     * (the first, and the whole rise from it to the last, within 2^52) that every double in {@link #line} is an
     * integer held exactly: the slope is then the stride itself and each residual is zero, with no rounding to
     * work out.
     */
    static boolean evenlySpaced(long[] values, int count) {
        if (count < 2) {
            return false;
        }
        long first = values[0];
        long stride = values[1] - first;
        if (Math.abs(first) > EXACT || stride == Long.MIN_VALUE || Math.abs(stride) > EXACT / (count - 1)) {
            return false;
        }
        for (int i = 2; i < count; i++) {
            if (values[i] - values[i - 1] != stride) {
                return false;
            }
        }
        return true;
    }

    /** A column with a residual outside the short range: ints where they all fit, else the values themselves. */
    private static PredictedLongs wide(long[] values, int count, long first, double slope) {
        long min = 0;
        long max = 0;
        for (int i = 1; i < count; i++) {
            long residual = values[i] - line(first, slope, i);
            min = Math.min(min, residual);
            max = Math.max(max, residual);
        }
        if (min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE) {
            int[] residuals = new int[count];
            for (int i = 1; i < count; i++) {
                residuals[i] = (int) (values[i] - line(first, slope, i));
            }
            return new PredictedLongs(first, slope, null, residuals, null);
        }
        long[] copy = new long[count];
        System.arraycopy(values, 0, copy, 0, count);
        return new PredictedLongs(first, slope, null, null, copy);
    }

    static long line(long first, double slope, int index) {
        return first + Math.round(index * slope);
    }

    long get(int index) {
        if (small != null) {
            return line(first, slope, index) + small[index];
        }
        if (medium != null) {
            return line(first, slope, index) + medium[index];
        }
        return raw != null ? raw[index] : line(first, slope, index);
    }

    /** Bytes a value: 0 on the line, 2, 4 or 8. */
    int bytesPerValue() {
        return small != null ? 2 : medium != null ? 4 : raw != null ? 8 : 0;
    }

    /** The residual array's payload (the fields are counted with the block that holds this column). */
    long payloadBytes() {
        return small != null ? 2L * small.length : medium != null ? 4L * medium.length
                : raw != null ? 8L * raw.length : 0;
    }

    long first() {
        return first;
    }

    double slope() {
        return slope;
    }

    /**
     * Writes the residuals (the values themselves for 8 bytes a value) of the first {@code count} values at
     * {@code at}, {@link #bytesPerValue()} bytes each, for a block kept outside the heap ({@link MappedPointBlock}).
     */
    void writeResiduals(java.nio.ByteBuffer out, int at, int count) {
        for (int i = 0; i < count; i++) {
            if (small != null) {
                out.putShort(at + 2 * i, small[i]);
            } else if (medium != null) {
                out.putInt(at + 4 * i, medium[i]);
            } else if (raw != null) {
                out.putLong(at + 8 * i, raw[i]);
            }
        }
    }

    /** The value at {@code index} of a column written by {@link #writeResiduals}, read back in place. */
    static long read(java.nio.ByteBuffer in, int at, int bytesPerValue, long first, double slope, int index) {
        return switch (bytesPerValue) {
            case 0 -> line(first, slope, index);
            case 2 -> line(first, slope, index) + in.getShort(at + 2 * index);
            case 4 -> line(first, slope, index) + in.getInt(at + 4 * index);
            default -> in.getLong(at + 8 * index);
        };
    }

    /** True when a residual array is held (so the array's header is too). */
    boolean hasArray() {
        return small != null || medium != null || raw != null;
    }
}
