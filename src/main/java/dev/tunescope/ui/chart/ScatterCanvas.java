package dev.tunescope.ui.chart;

import dev.tunescope.export.MarkerStyle;
import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.plot.Tick;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * A hyperparameter axis plot: one point per trial, a hyperparameter on x (log scale for learning rates), the
 * trial's best loss on y, points joined in x order; lr* highlighted, unstable trials as hollow triangles, trials
 * with no finite loss drawn at the top edge. A note line under the plot (e.g. the boundary warning).
 */
public final class ScatterCanvas extends SimpleCanvasChart {
    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    private static final double TOP = 16;
    private static final double BOTTOM = 56;
    private static final Color LINE = Color.web("#888888");
    private static final Color NORMAL = Color.web("#0072B2");
    private static final Color HIGHLIGHT = Color.web("#D55E00");

    /** One trial: its x and y, how it is drawn, and a short label drawn beside highlighted points. */
    public record Point(double x, double y, MarkerStyle style, String label) {
    }

    private List<Point> points = List.of();
    private String xLabel = "";
    private String yLabel = "";
    private String note = "";
    private ScaleType xType = ScaleType.LOG;
    private List<double[]> reference = List.of();
    private String referenceLabel = "";
    private double limit = Double.NaN;
    private String limitLabel = "";
    private ScaleType yType = ScaleType.LINEAR;
    /** Where each point (in {@link #points} order) was drawn last, for hover and click. */
    private List<double[]> drawnAt = List.of();
    private int hovered = -1;
    private java.util.function.IntFunction<String> describe = i -> "";
    private java.util.function.IntConsumer onClick = i -> { };

    public ScatterCanvas() {
        canvas().addEventHandler(javafx.scene.input.MouseEvent.MOUSE_MOVED, e -> {
            int near = pointAt(e.getX(), e.getY());
            if (near != hovered) {
                hovered = near;
                redraw();
            }
        });
        canvas().addEventHandler(javafx.scene.input.MouseEvent.MOUSE_EXITED, e -> {
            hovered = -1;
            redraw();
        });
        canvas().addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            int near = pointAt(e.getX(), e.getY());
            if (near >= 0) {
                onClick.accept(near);
            }
        });
    }

    /**
     * What hovering a point says and what clicking it does, by the point's index in the list given to
     * {@link #show} (not the sorted order the chart draws in).
     */
    public void setInteraction(java.util.function.IntFunction<String> describer, java.util.function.IntConsumer click) {
        describe = describer;
        onClick = click;
    }

    /** Linear or log y (throughput against batch size spans decades once the ideal line is drawn). */
    public void setYScale(ScaleType type) {
        yType = type;
        redraw();
    }

    /** The index (in the list given to {@link #show}) of the point drawn within 8 pixels of (px, py), or -1. */
    public int pointAt(double px, double py) {
        int best = -1;
        double bestDistance = 8;
        for (int i = 0; i < drawnAt.size(); i++) {
            double distance = Math.hypot(drawnAt.get(i)[0] - px, drawnAt.get(i)[1] - py);
            if (distance <= bestDistance) {
                bestDistance = distance;
                best = order.get(i);
            }
        }
        return best;
    }

    /** Where the point of index {@code i} (in the list given to {@link #show}) was drawn: {x, y} in pixels. */
    public double[] pixelOf(int i) {
        return drawnAt.get(order.indexOf(i)).clone();
    }

    /** For each drawn (sorted) point, its index in the list given to {@link #show}. */
    private List<Integer> order = List.of();

    public void show(List<Point> newPoints, ScaleType xScale, String x, String y, String noteText) {
        order = java.util.stream.IntStream.range(0, newPoints.size()).boxed()
                .sorted(java.util.Comparator.comparingDouble(i -> newPoints.get(i).x())).toList();
        points = order.stream().map(newPoints::get).toList();
        hovered = -1;
        xType = xScale;
        xLabel = x;
        yLabel = y;
        note = noteText;
        redraw();
    }

    /** A dashed line through {@code (x, y)} pairs (e.g. ideal scaling), drawn under the points; empty for none. */
    public void setReference(List<double[]> line, String label) {
        reference = List.copyOf(line);
        referenceLabel = label;
        redraw();
    }

    /** A vertical line at {@code x} (e.g. the batch size that ran out of memory); NaN for none. */
    public void setLimit(double x, String label) {
        limit = x;
        limitLabel = label;
        redraw();
    }

    public List<Point> points() {
        return points;
    }

    @Override
    protected void draw(GraphicsContext g, double w, double h) {
        if (points.isEmpty() || w < LEFT + RIGHT + 20 || h < TOP + BOTTOM + 20) {
            g.setFill(Color.GRAY);
            g.fillText("No trials with a learning rate", 20, 30);
            return;
        }
        AxisRange.Extent xs = new AxisRange.Extent(xType);
        AxisRange.Extent ys = new AxisRange.Extent(yType);
        points.forEach(p -> {
            xs.include(p.x());
            ys.include(p.y());
        });
        reference.forEach(r -> {
            xs.include(r[0]);
            ys.include(r[1]);
        });
        if (Double.isFinite(limit)) {
            xs.include(limit);
        }
        Scale x = xs.toRange(0.08).toScale(LEFT, w - RIGHT);
        Scale y = ys.toRange(0.08).toScale(h - BOTTOM, TOP);
        g.setStroke(ChartTheme.current().axis());
        g.strokeRect(LEFT, TOP, w - LEFT - RIGHT, h - TOP - BOTTOM);
        g.setFont(Font.font(11));
        g.setFill(ChartTheme.current().axis());
        for (Tick t : x.ticks()) {
            if (t.major()) {
                double px = x.toPixel(t.value());
                g.strokeLine(px, h - BOTTOM, px, h - BOTTOM + 4);
                g.fillText(t.label(), px - 10, h - BOTTOM + 16);
            }
        }
        for (Tick t : y.ticks()) {
            double py = y.toPixel(t.value());
            g.strokeLine(LEFT - 4, py, LEFT, py);
            g.fillText(t.label(), 6, py + 4);
        }
        g.fillText(xLabel, (LEFT + w - RIGHT) / 2 - 30, h - BOTTOM + 32);
        g.fillText(yLabel, 6, TOP - 4 + 0);
        g.fillText(note, LEFT, h - 8);
        if (reference.size() > 1) {
            g.setStroke(Color.web("#009E73"));
            g.setLineDashes(6, 4);
            for (int i = 1; i < reference.size(); i++) {
                g.strokeLine(x.toPixel(reference.get(i - 1)[0]), y.toPixel(reference.get(i - 1)[1]),
                        x.toPixel(reference.get(i)[0]), y.toPixel(reference.get(i)[1]));
            }
            g.setLineDashes(null);
            g.setFill(Color.web("#009E73"));
            double[] last = reference.get(reference.size() - 1);
            g.fillText(referenceLabel, Math.min(x.toPixel(last[0]) - 90, w - RIGHT - 120), y.toPixel(last[1]) + 14);
        }
        if (Double.isFinite(limit)) {
            double px = x.toPixel(limit);
            g.setStroke(Color.web("#CC3311"));
            g.strokeLine(px, TOP, px, h - BOTTOM);
            g.setFill(Color.web("#CC3311"));
            g.fillText(limitLabel, px - 110, TOP + 14);
        }
        List<double[]> pixels = new ArrayList<>();
        for (Point p : points) {
            double py = Double.isFinite(p.y()) ? y.toPixel(p.y()) : TOP + 6;
            pixels.add(new double[] {x.toPixel(p.x()), py});
        }
        g.setStroke(LINE);
        g.setLineWidth(1);
        for (int i = 1; i < pixels.size(); i++) {
            g.strokeLine(pixels.get(i - 1)[0], pixels.get(i - 1)[1], pixels.get(i)[0], pixels.get(i)[1]);
        }
        for (int i = 0; i < points.size(); i++) {
            marker(g, points.get(i), pixels.get(i)[0], pixels.get(i)[1]);
        }
        drawnAt = List.copyOf(pixels);
        drawHover(g, w);
    }

    private void drawHover(GraphicsContext g, double w) {
        int drawn = hovered < 0 ? -1 : order.indexOf(hovered);
        String text = drawn < 0 ? "" : describe.apply(hovered);
        if (text.isEmpty()) {
            return;
        }
        double[] at = drawnAt.get(drawn);
        double width = text.length() * 6.2 + 10;
        double bx = at[0] + 10 + width > w - RIGHT ? at[0] - 10 - width : at[0] + 10;
        g.setFill(ChartTheme.current().legendFill());
        g.fillRect(bx, at[1] - 22, width, 18);
        g.setStroke(ChartTheme.current().legendBorder());
        g.strokeRect(bx, at[1] - 22, width, 18);
        g.setFill(ChartTheme.current().axis());
        g.fillText(text, bx + 5, at[1] - 9);
    }

    private static void marker(GraphicsContext g, Point p, double px, double py) {
        switch (p.style()) {
            case HIGHLIGHTED -> {
                g.setFill(HIGHLIGHT);
                g.fillOval(px - 7, py - 7, 14, 14);
                g.setFill(ChartTheme.current().axis());
                g.fillText(p.label(), px + 9, py - 8);
            }
            case DISTINCT -> {
                g.setStroke(ChartTheme.current().axis());
                g.setLineWidth(1.5);
                g.strokePolygon(new double[] {px, px - 6, px + 6}, new double[] {py - 7, py + 5, py + 5}, 3);
            }
            case NORMAL -> {
                g.setFill(NORMAL);
                g.fillOval(px - 4, py - 4, 8, 8);
            }
        }
        if (!Double.isFinite(p.y())) {
            g.setFill(ChartTheme.current().axis());
            g.fillText("no finite loss", px - 30, py + 18);
        }
    }
}
