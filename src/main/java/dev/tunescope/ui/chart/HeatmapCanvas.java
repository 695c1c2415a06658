package dev.tunescope.ui.chart;

import dev.tunescope.plot.LinearScale;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.Tick;
import dev.tunescope.run.Histogram;
import dev.tunescope.run.HistogramSeries;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Histograms over time: one column per logged histogram, from its step to the next, each bucket shaded by its
 * count (on a log scale, so that sparse tails still show), the value axis spanning every histogram's range.
 * TensorBoard's outermost bucket limits (±Double.MAX_VALUE) are clamped to the histogram's min and max.
 */
public final class HeatmapCanvas extends SimpleCanvasChart {
    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    private static final double TOP = 12;
    private static final double BOTTOM = 40;

    private HistogramSeries series;

    /** Shows a histogram series; null clears the view. */
    public void show(HistogramSeries histograms) {
        series = histograms;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(11));
        if (series == null || series.size() == 0 || w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            g.setFill(Color.GRAY);
            g.fillText("No histograms logged by the selected run", 20, 30);
            return;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        double most = 0;
        for (HistogramSeries.Point p : series.points()) {
            Histogram hist = p.histogram();
            if (Double.isFinite(hist.min()) && Double.isFinite(hist.max())) {
                low = Math.min(low, hist.min());
                high = Math.max(high, hist.max());
            }
            for (int i = 0; i < hist.bucketCount(); i++) {
                most = Math.max(most, hist.count(i));
            }
        }
        if (!(high > low)) {
            high = low + 1;
        }
        long first = series.points().get(0).step();
        long last = series.last().step();
        long spanEnd = series.size() > 1 ? last + (last - first) / (series.size() - 1) : first + 1;
        Scale x = new LinearScale(first, spanEnd, LEFT, w - RIGHT);
        Scale y = new LinearScale(low, high, h - BOTTOM, TOP);
        for (int k = 0; k < series.size(); k++) {
            HistogramSeries.Point p = series.points().get(k);
            long next = k + 1 < series.size() ? series.points().get(k + 1).step() : spanEnd;
            double x0 = x.toPixel(p.step());
            double x1 = Math.max(x0 + 1, x.toPixel(next));
            Histogram hist = p.histogram();
            double lower = hist.min();
            for (int i = 0; i < hist.bucketCount(); i++) {
                double upper = Math.min(hist.bucketLimit(i), hist.max());
                double from = Math.max(lower, hist.min());
                if (hist.count(i) > 0 && upper > from) {
                    double share = Math.log1p(hist.count(i)) / Math.log1p(most);
                    g.setFill(shade(share));
                    double top = y.toPixel(upper);
                    double bottom = y.toPixel(from);
                    g.fillRect(x0, top, x1 - x0, Math.max(1, bottom - top));
                }
                lower = hist.bucketLimit(i);
            }
        }
        g.setStroke(ChartTheme.current().axis());
        g.strokeRect(LEFT, TOP, w - LEFT - RIGHT, h - TOP - BOTTOM);
        g.setFill(ChartTheme.current().axis());
        for (Tick t : x.ticks()) {
            if (t.major()) {
                g.fillText(t.label(), x.toPixel(t.value()) - 10, h - BOTTOM + 16);
            }
        }
        for (Tick t : y.ticks()) {
            g.fillText(t.label(), 6, y.toPixel(t.value()) + 4);
        }
        g.fillText("step  (" + series.tag() + ", " + series.size() + " histograms; darker = more values)", LEFT,
                h - 8);
    }

    /** From pale yellow (few) to dark blue (many). */
    private static Color shade(double share) {
        double s = Math.max(0, Math.min(1, share));
        return Color.color(1 - 0.95 * s, 0.97 - 0.6 * s, 0.75 - 0.25 * s + 0.3 * s * s);
    }
}
