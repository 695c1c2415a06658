package dev.tunescope.export;

import dev.tunescope.plot.Palette;
import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.run.Histogram;
import java.util.ArrayList;
import java.util.List;

/**
 * A histogram as a self-contained SVG: one bar per bucket from bucket edges and counts (e.g. gradient norms over a
 * run), with labelled vertical threshold lines (e.g. {@code "p90 = 1.214, 10.0% above"}). On a log x axis a
 * bucket with an edge at or below zero is not drawn; on a log y axis neither is an empty bucket.
 */
public final class SvgHistogramChart {
    private static final String BAR = Palette.color(0);
    private static final String THRESHOLD = Palette.color(1);

    private int width = 640;
    private int height = 380;
    private String title = "";
    private String xLabel = "";
    private String yLabel = "count";
    private ScaleType xType = ScaleType.LINEAR;
    private ScaleType yType = ScaleType.LINEAR;
    private double[] edges = {0, 1};
    private double[] counts = {0};
    private final List<Threshold> thresholds = new ArrayList<>();

    private record Threshold(double at, String label) {
    }

    public SvgHistogramChart size(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a chart needs at least 200 x 150 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    public SvgHistogramChart title(String title) {
        this.title = title;
        return this;
    }

    public SvgHistogramChart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public SvgHistogramChart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    public SvgHistogramChart xScale(ScaleType type) {
        this.xType = type;
        return this;
    }

    public SvgHistogramChart yScale(ScaleType type) {
        this.yType = type;
        return this;
    }

    /**
     * The buckets: bucket {@code i} spans {@code [edges[i], edges[i + 1]]} and holds {@code counts[i]}.
     *
     * @throws IllegalArgumentException unless there is one more edge than counts and the edges increase
     */
    public SvgHistogramChart bars(double[] edges, double[] counts) {
        if (edges.length != counts.length + 1 || counts.length == 0) {
            throw new IllegalArgumentException("need n + 1 edges for n > 0 counts, got " + edges.length + " edges and "
                    + counts.length + " counts");
        }
        for (int i = 1; i < edges.length; i++) {
            if (!(edges[i] >= edges[i - 1])) {
                throw new IllegalArgumentException("bucket edges must not decrease: " + edges[i - 1] + " then "
                        + edges[i]);
            }
        }
        this.edges = edges.clone();
        this.counts = counts.clone();
        return this;
    }

    /**
     * The buckets of a TensorBoard-style histogram: bucket {@code i} ends at its limit and starts at the previous
     * one (the first at {@code min}); limits are clamped to {@code [min, max]}, since the outer ones are often
     * ±{@code Double.MAX_VALUE}.
     */
    public SvgHistogramChart histogram(Histogram histogram) {
        int n = histogram.bucketCount();
        if (n == 0) {
            return this;
        }
        double min = histogram.min();
        double max = histogram.max() > min ? histogram.max() : min + 1; // all values equal: one unit-wide bar
        double[] e = new double[n + 1];
        e[0] = min;
        for (int i = 0; i < n; i++) {
            e[i + 1] = Math.max(e[i], Math.min(max, Math.max(min, histogram.bucketLimit(i))));
        }
        e[n] = Math.max(e[n], max);
        return bars(e, histogram.counts());
    }

    /** A vertical line at a value with a label, e.g. the clipping threshold. */
    public SvgHistogramChart threshold(double value, String label) {
        thresholds.add(new Threshold(value, label));
        return this;
    }

    public Svg toSvg() {
        ChartFrame frame = new ChartFrame(width, height, !title.isEmpty(), 0, 0);
        AxisRange.Extent xs = new AxisRange.Extent(xType);
        for (double edge : edges) {
            xs.include(edge);
        }
        thresholds.forEach(t -> xs.include(t.at()));
        AxisRange.Extent ys = new AxisRange.Extent(yType);
        if (yType == ScaleType.LINEAR) {
            ys.include(0); // bars stand on zero
        }
        for (double count : counts) {
            ys.include(count);
        }
        Scale x = frame.xScale(xs.toRange(0.02));
        AxisRange yRange = ys.toRange(AxisRange.PAD);
        if (yType == ScaleType.LINEAR && yRange.min() < 0 && !ys.isEmpty()) {
            yRange = new AxisRange(0, yRange.max(), yType); // no padding below the bars' base
        }
        Scale y = frame.yScale(yRange);
        SvgDocument svg = new SvgDocument(width, height, title.isEmpty() ? "histogram" : title);
        frame.draw(svg, x, y, title, xLabel, yLabel);

        double base = yType == ScaleType.LINEAR ? y.toPixel(0) : frame.bottom();
        svg.beginClip(frame.left, frame.top, frame.plotWidth, frame.plotHeight);
        for (int i = 0; i < counts.length; i++) {
            double x0 = x.toPixel(edges[i]);
            double x1 = x.toPixel(edges[i + 1]);
            if (!y.canShow(counts[i]) || counts[i] <= 0 || Double.isNaN(x0) || Double.isNaN(x1)) {
                continue;
            }
            double top = y.toPixel(counts[i]);
            svg.beginGroup("[" + Markup.number(edges[i]) + ", " + Markup.number(edges[i + 1]) + "]: "
                    + Markup.number(counts[i]));
            // a white edge parts wide bars; on narrow ones it would hide them
            svg.rect(x0, Math.min(top, base), Math.max(0.5, x1 - x0), Math.abs(base - top), BAR,
                    x1 - x0 >= 3 ? "#ffffff" : null);
            svg.endGroup();
        }
        svg.endClip();
        for (Threshold t : thresholds) {
            frame.verticalMarker(svg, x.toPixel(t.at()), t.label(), THRESHOLD);
        }
        return svg.finish();
    }
}
