package dev.tunescope.run;

/**
 * The wall times of one block of points, kept to the millisecond: the first as logged, every other one as whole
 * milliseconds after it ({@link PredictedLongs}, so a steady loop's times cost nothing and a jittered one 2 bytes
 * a point). The charts place points on wall-time and relative-time axes, where a millisecond is far below a pixel;
 * a block whose times are partly missing or not finite keeps them as logged (8 bytes a point), which is rare:
 * only the block where a series' first wall time appears, after points without one.
 *
 * <p>Immutable; null stands for a block without wall times.
 */
final class WallTimes {
    static final double TICKS_A_SECOND = 1000;
    /** Offsets past this many seconds (about 28 years) are kept as logged: their ticks would lose precision. */
    private static final double LARGEST_OFFSET = 1e9;

    private final double origin;
    private final PredictedLongs ticks; // null when the times are kept as logged
    private final double[] logged;

    private WallTimes(double origin, PredictedLongs ticks, double[] logged) {
        this.origin = origin;
        this.ticks = ticks;
        this.logged = logged;
    }

    /** The first {@code count} of {@code walls} (NaN where a point has none), or null when none has one. */
    static WallTimes of(double[] walls, int count) {
        boolean any = false;
        boolean all = true;
        double origin = walls[0];
        for (int i = 0; i < count; i++) {
            double wall = walls[i];
            if (Double.isNaN(wall)) {
                all = false;
            } else {
                any = true;
                if (Double.isInfinite(wall) || Math.abs(wall - origin) > LARGEST_OFFSET) {
                    all = false;
                }
            }
        }
        if (!any) {
            return null;
        }
        if (!all) {
            double[] copy = new double[count];
            System.arraycopy(walls, 0, copy, 0, count);
            return new WallTimes(Double.NaN, null, copy);
        }
        long[] millis = new long[count];
        for (int i = 0; i < count; i++) {
            millis[i] = Math.round((walls[i] - origin) * TICKS_A_SECOND);
        }
        return new WallTimes(origin, PredictedLongs.of(millis, count), null);
    }

    double get(int index) {
        return ticks != null ? origin + ticks.get(index) / TICKS_A_SECOND : logged[index];
    }

    int bytesPerPoint() {
        return ticks != null ? ticks.bytesPerValue() : 8;
    }

    long payloadBytes() {
        return ticks != null ? ticks.payloadBytes() : 8L * logged.length;
    }

    /** True when the times are ticks after {@link #origin()} ({@link #ticks()}), false when kept as logged. */
    boolean isTicks() {
        return ticks != null;
    }

    double origin() {
        return origin;
    }

    PredictedLongs ticks() {
        return ticks;
    }

    /** The times as logged, for a block written outside the heap; only when not {@link #isTicks()}. */
    double logged(int index) {
        return logged[index];
    }

    int arrays() {
        return ticks != null ? (ticks.hasArray() ? 1 : 0) : 1;
    }
}
