package dev.tunescope.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects histograms of one tag with the same restart rule as {@link ScalarSeriesBuilder}. The list holds
 * references only (each histogram's arrays are sized to its buckets), and a build is reused until the next
 * change, so a run refreshed while nothing was logged makes no new copy.
 */
public final class HistogramSeriesBuilder {
    private final String tag;
    private final List<HistogramSeries.Point> points = new ArrayList<>();
    private HistogramSeries built;

    public HistogramSeriesBuilder(String tag) {
        this.tag = tag;
    }

    /** Adds a histogram; returns how many earlier ones (at steps {@code >= step}) it replaced. */
    public int add(long step, double wallTime, Histogram histogram) {
        int dropped = truncateFrom(step);
        points.add(new HistogramSeries.Point(step, wallTime, histogram));
        built = null;
        return dropped;
    }

    /** Drops every histogram at a step {@code >= step}; returns how many. */
    public int truncateFrom(long step) {
        int dropped = 0;
        while (!points.isEmpty() && points.get(points.size() - 1).step() >= step) {
            points.remove(points.size() - 1);
            dropped++;
        }
        if (dropped > 0) {
            built = null;
        }
        return dropped;
    }

    public HistogramSeries build() {
        if (built == null) {
            built = new HistogramSeries(tag, points);
        }
        return built;
    }
}
