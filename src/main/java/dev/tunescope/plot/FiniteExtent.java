package dev.tunescope.plot;

import java.util.Optional;

/** The lowest and highest finite value of an array; NaN and infinities are left out. */
public record FiniteExtent(double min, double max) {

    /** Empty when the array holds no finite value. */
    public static Optional<FiniteExtent> of(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? Optional.empty() : Optional.of(new FiniteExtent(min, max));
    }
}
