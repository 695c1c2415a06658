package dev.tunescope.ui.compare;

/**
 * One vertical axis of the parallel coordinates: a numeric hyperparameter, or the best loss.
 *
 * @param column the runs table column whose values it shows
 * @param log    whether values are placed by their logarithm (positive values spanning more than a decade,
 *               as swept learning rates and batch sizes are)
 */
public record ParallelAxis(String column, String title, double min, double max, boolean log) {

    /** Spans wider than this ratio are drawn on a log scale. */
    static final double DECADE = 10;

    /** An axis over {@code values} (NaN ignored); log where they are all positive and span more than a decade. */
    static ParallelAxis over(String column, String title, double[] values) {
        return dev.tunescope.plot.FiniteExtent.of(values)
                .map(e -> new ParallelAxis(column, title, e.min(), e.max(), e.min() > 0 && e.max() / e.min() > DECADE))
                .orElse(new ParallelAxis(column, title, Double.NaN, Double.NaN, false));
    }

    /**
     * Where {@code value} lies between the axis' ends: 0 at its minimum, 1 at its maximum, 0.5 for all values
     * on an axis whose values are all the same; NaN for a missing value.
     */
    public double fraction(double value) {
        if (!Double.isFinite(value) || !Double.isFinite(min)) {
            return Double.NaN;
        }
        if (max == min) {
            return 0.5;
        }
        double t = log ? (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                : (value - min) / (max - min);
        return Math.max(0, Math.min(1, t));
    }

    /** Whether any run has a value on this axis. */
    public boolean hasValues() {
        return Double.isFinite(min);
    }
}
