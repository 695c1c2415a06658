package dev.tunescope.ui.chart;

import dev.tunescope.plot.Palette;
import dev.tunescope.plot.LinearScale;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.Tick;
import java.util.Arrays;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Bars of a histogram given by bucket edges and counts, with an optional vertical threshold line and its label
 * (for example {@code p90 = 1.214, 10.0% above}).
 *
 * <p>The threshold is meant to follow a slider: {@link #setThreshold} only stores the value and asks for a redraw,
 * and any number of calls within one pulse draw once. A frame is a few hundred rectangles at most, with no
 * allocation but the tick list. FX thread only.
 */
public final class HistogramCanvas extends CoalescingCanvasChart {
    private static final Color BAR = Color.web(Palette.color(0), 0.75);
    private static final Font FONT = Font.font(11);
    private static final double LEFT = 56;
    private static final double RIGHT = 16;
    private static final double TOP = 22;
    private static final double BOTTOM = 30;

    private double[] edges = new double[0];
    private double[] counts = new double[0];
    private double maxCount;
    private double threshold = Double.NaN;
    private String thresholdLabel = "";

    public HistogramCanvas() {
        setMinSize(120, 80);
        setPrefSize(480, 240);
    }

    /**
     * The buckets: bucket {@code i} spans {@code [edges[i], edges[i + 1])} and holds {@code counts[i]}.
     *
     * @param edges finite and increasing, one more than counts
     */
    public void setData(double[] edges, double[] counts) {
        if (edges.length != counts.length + 1 && !(edges.length == 0 && counts.length == 0)) {
            throw new IllegalArgumentException(edges.length + " edges for " + counts.length + " buckets");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && !(edges[i] > edges[i - 1]))) {
                throw new IllegalArgumentException("edges must be finite and increasing, at " + i);
            }
        }
        this.edges = edges.clone();
        this.counts = counts.clone();
        this.maxCount = Arrays.stream(counts).filter(Double::isFinite).max().orElse(0);
        requestRedraw();
    }

    /** Moves the threshold line; cheap, call it as often as a slider moves. NaN hides it. */
    public void setThreshold(double value, String label) {
        this.threshold = value;
        this.thresholdLabel = label == null ? "" : label;
        requestRedraw();
    }

    public double getThreshold() {
        return threshold;
    }

    public String getThresholdLabel() {
        return thresholdLabel;
    }

    /** The plot area inside the axes, in canvas pixels. */
    public Rectangle2D plotArea() {
        return new Rectangle2D(LEFT, TOP, Math.max(1, canvas().getWidth() - LEFT - RIGHT),
                Math.max(1, canvas().getHeight() - TOP - BOTTOM));
    }

    /** The x scale: values to canvas pixels. */
    public Scale xScale() {
        Rectangle2D area = plotArea();
        double min = edges.length > 0 ? edges[0] : 0;
        double max = edges.length > 0 ? edges[edges.length - 1] : 1;
        return new LinearScale(min, max, area.getMinX(), area.getMaxX());
    }

    @Override
    protected void draw() {
        Canvas canvas = canvas();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(ChartTheme.current().background());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (canvas.getWidth() < LEFT + RIGHT + 2 || canvas.getHeight() < TOP + BOTTOM + 2) {
            return;
        }
        Rectangle2D area = plotArea();
        Scale x = xScale();
        Scale y = new LinearScale(0, maxCount > 0 ? maxCount * 1.05 : 1, area.getMaxY(), area.getMinY());
        g.setFont(FONT);
        g.setLineWidth(1);
        g.setFill(ChartTheme.current().axis());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (Tick tick : y.ticks()) {
            double py = snap(y.toPixel(tick.value()));
            g.setStroke(ChartTheme.current().grid());
            g.strokeLine(area.getMinX(), py, area.getMaxX(), py);
            g.fillText(tick.label(), area.getMinX() - 6, py);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setStroke(ChartTheme.current().axis());
        for (Tick tick : x.ticks()) {
            double px = snap(x.toPixel(tick.value()));
            g.strokeLine(px, area.getMaxY(), px, area.getMaxY() + 4);
            g.fillText(tick.label(), px, area.getMaxY() + 6);
        }
        g.setFill(BAR);
        double base = y.toPixel(0);
        for (int i = 0; i < counts.length; i++) {
            double c = counts[i];
            if (!(c > 0)) {
                continue;
            }
            double left = x.toPixel(edges[i]);
            double right = x.toPixel(edges[i + 1]);
            double top = y.toPixel(Math.min(c, maxCount));
            double w = Math.max(1, right - left - (right - left > 3 ? 1 : 0)); // a gap between wide bars
            g.fillRect(left, top, w, Math.max(1, base - top));
        }
        g.setStroke(ChartTheme.current().axis());
        g.strokeRect(snap(area.getMinX()), snap(area.getMinY()), area.getWidth(), area.getHeight());
        if (Double.isFinite(threshold)) {
            double px = x.toPixel(Math.max(x.min(), Math.min(x.max(), threshold)));
            g.setStroke(ChartTheme.current().marker());
            g.setLineWidth(1.5);
            g.strokeLine(px, area.getMinY(), px, area.getMaxY());
            g.setLineWidth(1);
            g.setFill(ChartTheme.current().marker());
            g.setTextBaseline(VPos.BOTTOM);
            boolean leftSide = px > area.getMinX() + area.getWidth() * 0.6;
            g.setTextAlign(leftSide ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.fillText(thresholdLabel, leftSide ? px - 4 : px + 4, area.getMinY() - 3);
        }
    }
}
