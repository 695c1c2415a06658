package dev.tunescope.plot;

import dev.tunescope.run.ScalarSeries;
import java.util.Collection;
import java.util.List;

/**
 * The data interval an axis shows. Built from the finite values of one or more series (a log axis from their
 * positive values only), padded a little so that no point sits on the frame. With no usable value the range is
 * {@code [0, 1]} (linear) or {@code [1, 10]} (log); a single value gets a range around it.
 */
public record AxisRange(double min, double max, ScaleType type) {

    /** The padding {@link #ofValues} adds on each side, as a fraction of the span (of its logarithm on a log axis). */
    public static final double PAD = 0.05;

    public AxisRange {
        Scale.of(type, min, max, 0, 1); // same validation as the scale it makes
    }

    /** This range mapped onto pixels: {@code pixelFrom} is where {@link #min()} lands. */
    public Scale toScale(double pixelFrom, double pixelTo) {
        return Scale.of(type, min, max, pixelFrom, pixelTo);
    }

    /** The padded range of the series' values. */
    public static AxisRange ofValues(ScaleType type, Collection<ScalarSeries> series) {
        Extent extent = new Extent(type);
        series.forEach(extent::includeValues);
        return extent.toRange(PAD);
    }

    public static AxisRange ofValues(ScaleType type, ScalarSeries... series) {
        return ofValues(type, List.of(series));
    }

    /** The range of the series' steps, unpadded: a step axis starts at the first step and ends at the last. */
    public static AxisRange ofSteps(ScaleType type, Collection<ScalarSeries> series) {
        Extent extent = new Extent(type);
        series.forEach(extent::includeSteps);
        return extent.toRange(0);
    }

    public static AxisRange ofSteps(ScaleType type, ScalarSeries... series) {
        return ofSteps(type, List.of(series));
    }

    /** Collects an extent value by value; values an axis of this type cannot show are skipped. */
    public static final class Extent {
        private final ScaleType type;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        public Extent(ScaleType type) {
            this.type = type;
        }

        public Extent include(double value) {
            boolean usable = type == ScaleType.LOG ? value > 0 && value < Double.POSITIVE_INFINITY
                    : Double.isFinite(value);
            if (usable) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            return this;
        }

        public Extent includeValues(ScalarSeries series) {
            for (int i = 0; i < series.size(); i++) {
                include(series.value(i));
            }
            return this;
        }

        /** Steps are sorted, so only the first and last usable ones matter. */
        public Extent includeSteps(ScalarSeries series) {
            if (series.isEmpty()) {
                return this;
            }
            int first = type == ScaleType.LOG ? series.indexAtOrAfter(1) : 0;
            if (first < series.size()) {
                include(series.step(first));
                include(series.lastStep());
            }
            return this;
        }

        public boolean isEmpty() {
            return min > max;
        }

        /** The range, padded by {@code padFraction} of its span on each side. */
        public AxisRange toRange(double padFraction) {
            if (isEmpty()) {
                return type == ScaleType.LOG ? new AxisRange(1, 10, type) : new AxisRange(0, 1, type);
            }
            return type == ScaleType.LOG ? logRange(padFraction) : linearRange(padFraction);
        }

        private AxisRange linearRange(double padFraction) {
            double low;
            double high;
            if (min == max) {
                double half = min == 0 ? 1 : Math.abs(min) * 0.1;
                low = min - half;
                high = max + half;
            } else {
                double pad = (max - min) * padFraction;
                low = min - pad;
                high = max + pad;
            }
            if (!Double.isFinite(high - low)) { // values near ±Double.MAX_VALUE: keep the span representable
                low = Math.max(low, -Double.MAX_VALUE / 2);
                high = Math.min(high, Double.MAX_VALUE / 2);
            }
            if (!(low < high)) { // a value so near zero that a tenth of it rounds away
                low = Math.nextDown(min);
                high = Math.nextUp(max);
            }
            return new AxisRange(low, high, type);
        }

        private AxisRange logRange(double padFraction) {
            if (min < max && padFraction == 0) {
                return new AxisRange(min, max, type);
            }
            double logMin = Math.log10(min);
            double logMax = Math.log10(max);
            double pad = min == max ? 0.5 : (logMax - logMin) * padFraction;
            double low = Math.pow(10, logMin - pad);
            double high = Math.min(Math.pow(10, logMax + pad), Double.MAX_VALUE);
            if (!(low > 0)) {
                low = Double.MIN_NORMAL;
            }
            if (!(low < high)) { // a span too thin for double arithmetic after rounding
                low = min;
                high = Math.nextUp(max);
            }
            return new AxisRange(low, high, type);
        }
    }
}
