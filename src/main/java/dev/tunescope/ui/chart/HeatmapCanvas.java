package dev.tunescope.ui.chart;

import dev.tunescope.diagnose.Text;
import dev.tunescope.plot.LinearScale;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.Tick;
import dev.tunescope.run.Histogram;
import dev.tunescope.run.HistogramSeries;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Histograms over time: one column per logged histogram, from its step to the next, each bucket shaded by its
 * count (on a log scale, so that sparse tails still show), the value axis spanning every histogram's range. The
 * title names the run shown, a colour bar gives the counts, hovering reads a bucket's step, range and count.
 * TensorBoard's outermost bucket limits (±Double.MAX_VALUE) are clamped to the histogram's min and max.
 */
public final class HeatmapCanvas extends SimpleCanvasChart {
    private static final double LEFT = 64;
    private static final double RIGHT = 84;
    private static final double TOP = 30;
    private static final double BOTTOM = 40;
    /** Few to many: on white, pale to dark; on the dark background, dim to bright, so many is always salient. */
    private static final Color[] LIGHT_RAMP = {Color.web("#FFF2B2"), Color.web("#41B6C4"), Color.web("#081D58")};
    private static final Color[] DARK_RAMP = {Color.web("#3A2C6B"), Color.web("#21918C"), Color.web("#FDE725")};

    private HistogramSeries series;
    private String runName = "";
    private Scale x;
    private Scale y;
    private double mostCount;
    private String hover = "";
    private double hoverX;
    private double hoverY;

    public HeatmapCanvas() {
        canvas().addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas().addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(Double.NaN, Double.NaN));
    }

    /** Shows a histogram series of the named run; null clears the view. */
    public void show(HistogramSeries histograms, String run) {
        series = histograms;
        runName = run;
        hover = "";
        redraw();
    }

    /** The title drawn above the heatmap (names the run and tag). */
    public String title() {
        return series == null ? "" : series.tag() + " of " + runName;
    }

    /** What hovering at canvas pixel (px, py) reads: step, bucket range and count; empty off the data. */
    public String readingAt(double px, double py) {
        if (series == null || x == null || !(px >= x.pixelFrom() && px <= x.pixelTo())) {
            return "";
        }
        double step = x.toValue(px);
        double value = y.toValue(py);
        HistogramSeries.Point at = null;
        for (HistogramSeries.Point p : series.points()) {
            if (p.step() <= step) {
                at = p;
            }
        }
        if (at == null) {
            return "";
        }
        Histogram hist = at.histogram();
        double lower = hist.min();
        for (int i = 0; i < hist.bucketCount(); i++) {
            double upper = Math.min(hist.bucketLimit(i), hist.max());
            if (value >= lower && value <= upper) {
                return "step " + at.step() + ", [" + Text.number(lower) + ", " + Text.number(upper) + "]: "
                        + Text.number(hist.count(i));
            }
            lower = Math.max(lower, hist.bucketLimit(i));
        }
        return "step " + at.step() + ": no values at " + Text.number(value);
    }

    private void hover(double px, double py) {
        hover = Double.isNaN(px) ? "" : readingAt(px, py);
        hoverX = px;
        hoverY = py;
        redraw();
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BASELINE);
        if (series == null || series.size() == 0 || w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            x = null;
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
        mostCount = most;
        long first = series.points().get(0).step();
        long last = series.last().step();
        long spanEnd = series.size() > 1 ? last + (last - first) / (series.size() - 1) : first + 1;
        x = new LinearScale(first, spanEnd, LEFT, w - RIGHT);
        y = new LinearScale(low, high, h - BOTTOM, TOP);
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
                    g.setFill(shade(share(hist.count(i), most)));
                    double top = y.toPixel(upper);
                    double bottom = y.toPixel(from);
                    g.fillRect(x0, top, x1 - x0, Math.max(1, bottom - top));
                }
                lower = hist.bucketLimit(i);
            }
        }
        drawFrame(g, w, h);
        drawColorBar(g, w, h);
        drawHover(g, w);
    }

    private void drawFrame(GraphicsContext g, double w, double h) {
        ChartTheme theme = ChartTheme.current();
        g.setStroke(theme.axis());
        g.strokeRect(LEFT, TOP, w - LEFT - RIGHT, h - TOP - BOTTOM);
        g.setFill(theme.axis());
        for (Tick t : x.ticks()) {
            if (t.major()) {
                g.fillText(t.label(), x.toPixel(t.value()) - 10, h - BOTTOM + 16);
            }
        }
        for (Tick t : y.ticks()) {
            g.fillText(t.label(), 6, y.toPixel(t.value()) + 4);
        }
        g.setFont(Font.font(null, javafx.scene.text.FontWeight.BOLD, 12));
        g.fillText(title(), LEFT, TOP - 10);
        g.setFont(Font.font(11));
        g.fillText("step  (" + series.size() + " histograms)", LEFT, h - 8);
    }

    /** Counts from 0 to the most in any bucket, on the same log scale as the shading. */
    private void drawColorBar(GraphicsContext g, double w, double h) {
        double bx = w - RIGHT + 14;
        double top = TOP;
        double bottom = h - BOTTOM;
        for (double py = top; py < bottom; py++) {
            double share = 1 - (py - top) / (bottom - top);
            g.setFill(shade(share));
            g.fillRect(bx, py, 12, 1);
        }
        g.setStroke(ChartTheme.current().axis());
        g.strokeRect(bx, top, 12, bottom - top);
        g.setFill(ChartTheme.current().axis());
        g.setTextBaseline(VPos.CENTER);
        for (double share : new double[] {0, 0.25, 0.5, 0.75, 1}) {
            double count = Math.expm1(share * Math.log1p(mostCount));
            g.fillText(Text.number(Math.round(count)), bx + 16, bottom - share * (bottom - top));
        }
        g.setTextBaseline(VPos.BASELINE);
        g.fillText("count", bx - 4, top - 10);
    }

    private void drawHover(GraphicsContext g, double w) {
        if (hover.isEmpty()) {
            return;
        }
        double width = hover.length() * 6.2 + 10;
        double bx = hoverX + 12 + width > w - RIGHT ? hoverX - 12 - width : hoverX + 12;
        g.setFill(ChartTheme.current().legendFill());
        g.fillRect(bx, hoverY - 18, width, 18);
        g.setStroke(ChartTheme.current().legendBorder());
        g.strokeRect(bx, hoverY - 18, width, 18);
        g.setFill(ChartTheme.current().axis());
        g.fillText(hover, bx + 5, hoverY - 5);
    }

    /** A count's place between none and the most, on a log scale so that sparse tails still show. */
    public static double share(double count, double most) {
        return most > 0 ? Math.log1p(count) / Math.log1p(most) : 0;
    }

    /** The ramp of the current theme at a share in [0, 1]. */
    public static Color shade(double share) {
        Color[] ramp = ChartTheme.current() == ChartTheme.DARK ? DARK_RAMP : LIGHT_RAMP;
        double s = Math.max(0, Math.min(1, share)) * (ramp.length - 1);
        int i = Math.min(ramp.length - 2, (int) s);
        return ramp[i].interpolate(ramp[i + 1], s - i);
    }
}
