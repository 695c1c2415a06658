package dev.tunescope.ui.chart;

import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.Ema;
import dev.tunescope.plot.MinMaxPyramid;
import dev.tunescope.plot.NonFiniteStretch;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.plot.ValueRanges;
import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a line chart derives from its series once rather than per frame: each series' min/max pyramid, its
 * EMA-smoothed copy and that copy's pyramid (for the smoothing weight it was built with), its non-finite
 * stretches, and the full x and y ranges (all finite values, and without outliers). Building costs O(n) per
 * series (about 28 ms per 5 million points for a pyramid), so it is done off the FX thread; a series the previous
 * cache held too (the same object) keeps its pyramid. Immutable, so a frame can read it from any thread.
 */
final class SeriesCache {
    /** The percentiles that "ignore outliers" keeps between. */
    static final double LOW_PERCENTILE = 1;
    static final double HIGH_PERCENTILE = 99;
    static final SeriesCache EMPTY = build(List.of(), null, 0);

    final List<NamedSeries> series;
    final List<MinMaxPyramid> pyramids;
    final double smoothing;
    /** The smoothed series and their pyramids; empty when {@link #smoothing} is 0. */
    final List<ScalarSeries> smoothed;
    final List<MinMaxPyramid> smoothedPyramids;
    final List<List<NonFiniteStretch>> stretches;
    final AxisRange xRange;
    private final Map<ScaleType, AxisRange> allValues = new java.util.EnumMap<>(ScaleType.class);
    private final Map<ScaleType, AxisRange> withoutOutliers = new java.util.EnumMap<>(ScaleType.class);
    private Object fittedKey;
    private AxisRange fitted;

    private SeriesCache(List<NamedSeries> series, List<MinMaxPyramid> pyramids, double smoothing,
                        List<ScalarSeries> smoothed, List<MinMaxPyramid> smoothedPyramids,
                        List<List<NonFiniteStretch>> stretches) {
        this.series = series;
        this.pyramids = pyramids;
        this.smoothing = smoothing;
        this.smoothed = smoothed;
        this.smoothedPyramids = smoothedPyramids;
        this.stretches = stretches;
        List<ScalarSeries> raw = raw();
        this.xRange = AxisRange.ofSteps(ScaleType.LINEAR, raw);
        for (ScaleType type : ScaleType.values()) {
            allValues.put(type, AxisRange.ofValues(type, raw));
            withoutOutliers.put(type, ValueRanges.percentile(type, raw, LOW_PERCENTILE, HIGH_PERCENTILE));
        }
    }

    /** Builds the cache of {@code series}, reusing {@code previous}'s pyramids where the series are the same. */
    static SeriesCache build(List<NamedSeries> series, SeriesCache previous, double smoothing) {
        Map<ScalarSeries, MinMaxPyramid> built = new IdentityHashMap<>();
        if (previous != null) {
            previous.pyramids.forEach(p -> built.put(p.series(), p));
        }
        List<MinMaxPyramid> pyramids = new ArrayList<>();
        List<List<NonFiniteStretch>> stretches = new ArrayList<>();
        for (NamedSeries s : series) {
            pyramids.add(built.computeIfAbsent(s.series(), MinMaxPyramid::build));
            stretches.add(NonFiniteStretch.of(s.series()));
        }
        List<ScalarSeries> smoothed = new ArrayList<>();
        List<MinMaxPyramid> smoothedPyramids = new ArrayList<>();
        if (smoothing > 0) {
            for (NamedSeries s : series) {
                ScalarSeries one = Ema.smooth(s.series(), smoothing);
                smoothed.add(one);
                smoothedPyramids.add(MinMaxPyramid.build(one));
            }
        }
        return new SeriesCache(List.copyOf(series), List.copyOf(pyramids), smoothing, List.copyOf(smoothed),
                List.copyOf(smoothedPyramids), List.copyOf(stretches));
    }

    /** The same series smoothed with another weight (pyramids of the raw series kept). */
    SeriesCache withSmoothing(double weight) {
        return weight == smoothing ? this : build(series, this, weight);
    }

    boolean isSmoothed() {
        return !smoothed.isEmpty();
    }

    /** The full y range: of every finite value, or between the 1st and 99th percentile. */
    AxisRange yRange(ScaleType type, boolean ignoreOutliers) {
        return (ignoreOutliers ? withoutOutliers : allValues).get(type);
    }

    /**
     * The range of the shown series' points (smoothed where smoothed) inside the steps {@code x}, computed once
     * per change of the steps, the type or what is hidden (y fitted to the visible data costs a scan per change).
     */
    synchronized AxisRange fittedRange(ScaleType type, AxisRange x, Set<String> hidden) {
        List<Object> key = List.of(type, x, hidden);
        if (!key.equals(fittedKey)) {
            List<ScalarSeries> shown = new ArrayList<>();
            for (int s = 0; s < series.size(); s++) {
                if (!hidden.contains(series.get(s).name())) {
                    shown.add(isSmoothed() ? smoothed.get(s) : series.get(s).series());
                }
            }
            fitted = ValueRanges.inSteps(type, shown, x.min(), x.max());
            fittedKey = key;
        }
        return fitted;
    }

    List<ScalarSeries> raw() {
        return series.stream().map(NamedSeries::series).toList();
    }
}
