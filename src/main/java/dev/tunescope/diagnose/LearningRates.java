package dev.tunescope.diagnose;

/** How learning rates are compared: as recorded, so that a float32 copy of 0.01 (0.0099999998) is still 0.01. */
public final class LearningRates {
    /** Relative difference below which two recorded rates are the same rate. */
    static final double SAME = 1e-6;

    private LearningRates() {
    }

    public static boolean same(double a, double b) {
        return Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b));
    }
}
