package dev.tunescope.plot;

import dev.tunescope.run.ScalarSeries;
import java.util.Arrays;
import java.util.Collection;

/**
 * Y ranges beyond "every finite value": of the points inside a span of steps (to fit y to what is shown), and
 * without outliers (a percentile range, so that one diverging run at 1e20 does not flatten the stable ones).
 */
public final class ValueRanges {
    /** Points read at most for a percentile range: enough for the 1st and 99th percentile to be stable. */
    static final int SAMPLE = 200_000;

    private ValueRanges() {
    }

    /** The padded range of the values at steps {@code [fromStep, toStep]}; the full-range default if none. */
    public static AxisRange inSteps(ScaleType type, Collection<ScalarSeries> series, double fromStep, double toStep) {
        AxisRange.Extent extent = new AxisRange.Extent(type);
        for (ScalarSeries s : series) {
            IndexRange range = M4Reducer.visibleIndices(s, fromStep, toStep);
            for (int i = range.from(); i < range.to(); i++) {
                extent.include(s.value(i));
            }
        }
        return extent.toRange(AxisRange.PAD);
    }

    /**
     * The padded range from the {@code lowPercentile}-th to the {@code highPercentile}-th percentile of the values an
     * axis of this type can show (on long series, of an evenly spaced sample of them).
     */
    public static AxisRange percentile(ScaleType type, Collection<ScalarSeries> series, double lowPercentile,
                                       double highPercentile) {
        long total = series.stream().mapToLong(ScalarSeries::size).sum();
        int stride = (int) Math.max(1, (total + SAMPLE - 1) / SAMPLE);
        double[] sample = new double[(int) Math.min(total, (long) SAMPLE * 2)];
        int n = 0;
        for (ScalarSeries s : series) {
            for (int i = 0; i < s.size() && n < sample.length; i += stride) {
                double v = s.value(i);
                if (type == ScaleType.LOG ? v > 0 && v < Double.POSITIVE_INFINITY : Double.isFinite(v)) {
                    sample[n++] = v;
                }
            }
        }
        if (n == 0) {
            return new AxisRange.Extent(type).toRange(AxisRange.PAD);
        }
        Arrays.sort(sample, 0, n);
        AxisRange.Extent extent = new AxisRange.Extent(type);
        extent.include(sample[(int) Math.floor((n - 1) * lowPercentile / 100)]);
        extent.include(sample[(int) Math.ceil((n - 1) * highPercentile / 100)]);
        return extent.toRange(AxisRange.PAD);
    }
}
