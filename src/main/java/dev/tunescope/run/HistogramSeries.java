package dev.tunescope.run;

import java.util.List;

/** The histograms logged under one tag of one run, in increasing step order. */
public record HistogramSeries(String tag, List<Point> points) {

    /** One logged histogram; {@code wallTime} is NaN where the format records none. */
    public record Point(long step, double wallTime, Histogram histogram) {
    }

    public HistogramSeries {
        points = List.copyOf(points);
    }

    public int size() {
        return points.size();
    }

    public Point last() {
        return points.get(points.size() - 1);
    }
}
