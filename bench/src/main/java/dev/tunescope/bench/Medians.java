package dev.tunescope.bench;

import java.util.Arrays;

/** The median every benchmark reports: of an even count, the upper of the two middle values. */
final class Medians {
    private Medians() {
    }

    static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
