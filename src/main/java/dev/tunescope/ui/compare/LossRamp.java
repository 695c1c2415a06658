package dev.tunescope.ui.compare;

/**
 * The colours of the parallel coordinates' lines: a ramp from deep blue (the lowest best loss) through teal and
 * green to yellow (the highest), readable on light and dark themes; red is left for unstable trials.
 */
final class LossRamp {
    private static final int[][] STOPS = {{0x30, 0x12, 0x8c}, {0x21, 0x91, 0x8c}, {0x5e, 0xc9, 0x62},
            {0xe8, 0xc8, 0x1f}};
    /** Unstable trials, whatever their loss. */
    static final int UNSTABLE = 0xd3_2f_2f;
    /** Runs without a loss. */
    static final int NO_LOSS = 0x9e_9e_9e;

    private LossRamp() {
    }

    /** The colour, as 0xRRGGBB, of a run whose loss lies at {@code fraction} of the loss axis (NaN: no loss). */
    static int colour(double fraction) {
        if (Double.isNaN(fraction)) {
            return NO_LOSS;
        }
        double t = Math.max(0, Math.min(1, fraction)) * (STOPS.length - 1);
        int low = Math.min((int) t, STOPS.length - 2);
        double mix = t - low;
        int rgb = 0;
        for (int channel = 0; channel < 3; channel++) {
            int value = (int) Math.round(STOPS[low][channel] * (1 - mix) + STOPS[low + 1][channel] * mix);
            rgb = (rgb << 8) | value;
        }
        return rgb;
    }
}
