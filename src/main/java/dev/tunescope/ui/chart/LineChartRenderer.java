package dev.tunescope.ui.chart;

import dev.tunescope.plot.FastM4Reducer;
import dev.tunescope.plot.IndexRange;
import dev.tunescope.plot.M4Reducer;
import dev.tunescope.plot.NonFiniteStretch;
import dev.tunescope.plot.ReducedLine;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.Tick;
import dev.tunescope.plot.XAxis;
import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link LineChartFrame}: grid, ticks and axis titles, every shown series reduced with M4 to the plot's
 * pixel width (smoothed over a faint raw curve where smoothing is on), non-finite stretches as labelled bands,
 * thresholds, markers, the zoom rectangle and the crosshair's reading as a box with colour swatches over the plot
 * (drawn, never laid out, so it cannot move the chart). Keeps its reduced lines between frames to spare the
 * garbage collector; FX thread only.
 */
final class LineChartRenderer {
    static final Font FONT = Font.font(11);
    private static final double RAW_ALPHA = 0.25;
    private static final double DIMMED_ALPHA = 0.2;
    private static final double LINE_HEIGHT = 14;
    private static final int MAX_BAND_LABELS = 6;

    private final List<ReducedLine> rawLines = new ArrayList<>();
    private final List<ReducedLine> smoothLines = new ArrayList<>();
    private final Text measure = new Text();
    private double[] scratchX = new double[64];
    private double[] scratchY = new double[64];

    LineChartRenderer() {
        measure.setFont(FONT);
    }

    void draw(GraphicsContext g, LineChartFrame f) {
        ChartTheme theme = ChartTheme.current();
        g.setFill(theme.background());
        g.fillRect(0, 0, f.width(), f.height());
        Rectangle2D area = f.area();
        g.setFont(FONT);
        drawGridAndAxes(g, f, theme);
        g.save();
        g.beginPath();
        g.rect(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight());
        g.clip();
        drawNonFiniteBands(g, f, theme);
        drawSeries(g, f);
        drawThresholds(g, f, theme);
        drawMarkers(g, f, theme);
        drawRubberBand(g, f.rubberBand());
        g.restore();
        if (f.legend()) {
            drawLegend(g, f, theme);
        }
        drawReadout(g, f, theme);
    }

    private void drawSeries(GraphicsContext g, LineChartFrame f) {
        SeriesCache cache = f.cache();
        int n = cache.series.size();
        while (rawLines.size() < n) {
            rawLines.add(new ReducedLine());
            smoothLines.add(new ReducedLine());
        }
        int columns = (int) f.area().getWidth();
        boolean smooth = cache.isSmoothed();
        // Reduce every shown series first, in parallel (each into its own reusable line; pyramids and scales are
        // immutable), then draw on this thread: with many long series the reduction is most of a frame.
        IntStream.range(0, n).parallel().filter(s -> !f.hidden().contains(cache.series.get(s).name())).forEach(s -> {
            IndexRange range = M4Reducer.visibleIndices(cache.series.get(s).series(), f.x());
            FastM4Reducer.reduceInto(cache.pyramids.get(s), range.from(), range.to(), f.x(), f.y(), columns,
                    rawLines.get(s));
            if (smooth) {
                FastM4Reducer.reduceInto(cache.smoothedPyramids.get(s), range.from(), range.to(), f.x(), f.y(),
                        columns, smoothLines.get(s));
            }
        });
        int highlighted = -1;
        for (int s = 0; s < n; s++) {
            NamedSeries named = cache.series.get(s);
            if (f.hidden().contains(named.name())) {
                continue;
            }
            if (named.name().equals(f.highlighted())) {
                highlighted = s; // drawn last, on top
                continue;
            }
            drawOne(g, s, color(named), f.highlighted() == null ? 1 : DIMMED_ALPHA, 1, smooth);
        }
        if (highlighted >= 0) {
            drawOne(g, highlighted, color(cache.series.get(highlighted)), 1, 2.5, smooth);
        }
        g.setGlobalAlpha(1);
        g.setLineWidth(1);
    }

    private void drawOne(GraphicsContext g, int s, Color color, double alpha, double width, boolean smooth) {
        g.setLineWidth(width);
        if (smooth) {
            g.setGlobalAlpha(alpha * RAW_ALPHA);
            stroke(g, rawLines.get(s), color);
            g.setGlobalAlpha(alpha);
            g.setLineWidth(width + 0.5);
            stroke(g, smoothLines.get(s), color);
        } else {
            g.setGlobalAlpha(alpha);
            stroke(g, rawLines.get(s), color);
        }
    }

    static Color color(NamedSeries series) {
        return ChartTheme.current().seriesColor(Color.web(series.color()));
    }

    private void stroke(GraphicsContext g, ReducedLine line, Color color) {
        g.setStroke(color);
        g.setFill(color);
        double[] xs = line.xArray();
        double[] ys = line.yArray();
        for (int seg = 0; seg < line.segmentCount(); seg++) {
            int start = line.segmentStart(seg);
            int n = line.segmentEnd(seg) - start;
            if (n == 1) { // a lone point: a dot, or it would not show at all
                g.fillOval(xs[start] - 2, ys[start] - 2, 4, 4);
            } else if (start == 0) {
                g.strokePolyline(xs, ys, n);
            } else {
                if (scratchX.length < n) {
                    scratchX = new double[Math.max(n, scratchX.length * 2)];
                    scratchY = new double[scratchX.length];
                }
                System.arraycopy(xs, start, scratchX, 0, n);
                System.arraycopy(ys, start, scratchY, 0, n);
                g.strokePolyline(scratchX, scratchY, n);
            }
        }
    }

    /**
     * A translucent band over each stretch of non-finite values, reaching to the series' next finite point, with
     * "NaN from step N" at its top: a diverged run is seen at a glance, and its values stay out of the y range.
     */
    private void drawNonFiniteBands(GraphicsContext g, LineChartFrame f, ChartTheme theme) {
        Rectangle2D area = f.area();
        int labels = 0;
        boolean named = f.cache().series.size() > 1;
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int s = 0; s < f.cache().series.size(); s++) {
            NamedSeries series = f.cache().series.get(s);
            if (f.hidden().contains(series.name())) {
                continue;
            }
            for (NonFiniteStretch stretch : f.cache().stretches.get(s)) {
                double from = f.x().toPixel(stretch.fromStep());
                double to = Math.max(from + 3, f.x().toPixel(bandEnd(series.series(), stretch)));
                if (to < area.getMinX() || from > area.getMaxX()) {
                    continue;
                }
                g.setFill(theme.marker().deriveColor(0, 1, 1, 0.12));
                g.fillRect(from, area.getMinY(), to - from, area.getHeight());
                g.setFill(color(series));
                g.fillRect(from, area.getMinY(), to - from, 3);
                if (labels < MAX_BAND_LABELS) {
                    g.setFill(theme.marker());
                    g.fillText((named ? series.name() + ": " : "") + stretch.label(),
                            Math.max(area.getMinX(), from) + 3, area.getMinY() + 26 + labels++ * LINE_HEIGHT);
                }
            }
        }
    }

    /** Where a stretch's band ends: at the next finite point, or at its last step when the series ends there. */
    private static double bandEnd(ScalarSeries series, NonFiniteStretch stretch) {
        int after = series.indexAtOrAfter(stretch.toStep() + 1);
        return after < series.size() ? series.step(after) : stretch.toStep();
    }

    private void drawGridAndAxes(GraphicsContext g, LineChartFrame f, ChartTheme theme) {
        Rectangle2D area = f.area();
        Scale x = f.x();
        Scale y = f.y();
        g.setLineWidth(1);
        g.setFill(theme.axis());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (Tick tick : x.ticks()) {
            double px = CoalescingCanvasChart.snap(x.toPixel(tick.value()));
            g.setStroke(theme.grid());
            g.strokeLine(px, area.getMinY(), px, area.getMaxY());
            g.setStroke(theme.axis());
            g.strokeLine(px, area.getMaxY(), px, area.getMaxY() + 4);
            g.fillText(f.xAxis() == XAxis.STEP ? tick.label() : f.xAxis().format(tick.value()), px,
                    area.getMaxY() + 6);
        }
        if (!f.xTitle().isEmpty()) {
            g.fillText(f.xTitle(), area.getMinX() + area.getWidth() / 2, area.getMaxY() + 19);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (Tick tick : y.ticks()) {
            double py = CoalescingCanvasChart.snap(y.toPixel(tick.value()));
            if (tick.major()) {
                g.setStroke(theme.grid());
                g.strokeLine(area.getMinX(), py, area.getMaxX(), py);
                g.fillText(tick.label(), area.getMinX() - 7, py);
            }
            g.setStroke(theme.axis());
            g.strokeLine(area.getMinX() - (tick.major() ? 4 : 2), py, area.getMinX(), py);
        }
        if (!f.yTitle().isEmpty()) {
            g.save();
            g.translate(12, area.getMinY() + area.getHeight() / 2);
            g.rotate(-90);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(f.yTitle(), 0, 0);
            g.restore();
        }
        g.setStroke(theme.axis());
        g.strokeRect(CoalescingCanvasChart.snap(area.getMinX()), CoalescingCanvasChart.snap(area.getMinY()),
                area.getWidth(), area.getHeight());
    }

    private void drawThresholds(GraphicsContext g, LineChartFrame f, ChartTheme theme) {
        Rectangle2D area = f.area();
        g.setStroke(theme.threshold());
        g.setFill(theme.threshold());
        g.setLineDashes(6, 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        for (Threshold t : f.thresholds()) {
            double py = f.y().toPixel(t.value());
            if (Double.isFinite(py)) {
                py = CoalescingCanvasChart.snap(py);
                g.strokeLine(area.getMinX(), py, area.getMaxX(), py);
                g.fillText(t.label(), area.getMaxX() - 4, py - 2);
            }
        }
        g.setLineDashes((double[]) null);
    }

    private void drawMarkers(GraphicsContext g, LineChartFrame f, ChartTheme theme) {
        Rectangle2D area = f.area();
        g.setStroke(theme.marker());
        g.setFill(theme.marker());
        g.setLineDashes(4, 3);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (Marker m : f.markers()) {
            double px = CoalescingCanvasChart.snap(f.x().toPixel(m.step()));
            g.strokeLine(px, area.getMinY(), px, area.getMaxY());
            g.fillText(m.label(), px + 3, area.getMinY() + 8);
        }
        g.setLineDashes((double[]) null);
    }

    /** The legend of a chart without a legend pane: one row above the plot (such charts have one or two series). */
    private void drawLegend(GraphicsContext g, LineChartFrame f, ChartTheme theme) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double px = f.area().getMinX();
        double py = f.area().getMinY() / 2;
        for (NamedSeries series : f.cache().series) {
            g.setStroke(color(series));
            g.setLineWidth(2);
            g.strokeLine(px, py, px + 16, py);
            g.setLineWidth(1);
            g.setFill(theme.axis());
            g.fillText(series.name(), px + 20, py);
            px += 20 + textWidth(series.name()) + 14;
        }
    }

    /** The crosshair and its reading, in a box beside the cursor, one row per series with its colour. */
    private void drawReadout(GraphicsContext g, LineChartFrame f, ChartTheme theme) {
        Readout readout = f.readout();
        if (readout == null || Double.isNaN(f.crosshairX())) {
            return;
        }
        Rectangle2D area = f.area();
        g.setStroke(Color.gray(0.5, 0.8));
        double px = CoalescingCanvasChart.snap(f.crosshairX());
        g.strokeLine(px, area.getMinY(), px, area.getMaxY());
        List<String> lines = new ArrayList<>();
        lines.add(readout.title(f.xAxis()));
        readout.rows().forEach(row -> lines.add(readout.text(row, f.xAxis())));
        double swatch = 14;
        double boxWidth = lines.stream().mapToDouble(this::textWidth).max().orElse(0) + 10 + swatch;
        double boxHeight = lines.size() * LINE_HEIGHT + 6;
        double bx = px + 8 + boxWidth > area.getMaxX() ? px - 8 - boxWidth : px + 8;
        double by = area.getMinY() + 4;
        g.setFill(theme.legendFill());
        g.fillRect(bx, by, boxWidth, boxHeight);
        g.setStroke(theme.legendBorder());
        g.strokeRect(bx, by, boxWidth, boxHeight);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.size(); i++) {
            double ty = by + 3 + i * LINE_HEIGHT;
            if (i > 0) {
                Readout.Row row = readout.rows().get(i - 1);
                g.setFill(ChartTheme.current().seriesColor(Color.web(row.color())));
                g.fillRect(bx + 5, ty + 3, 9, 9);
            }
            g.setFill(theme.axis());
            g.fillText(lines.get(i), bx + 5 + swatch, ty);
        }
    }

    private static void drawRubberBand(GraphicsContext g, double[] band) {
        if (band == null) {
            return;
        }
        double x0 = Math.min(band[0], band[2]);
        double y0 = Math.min(band[1], band[3]);
        double w = Math.abs(band[2] - band[0]);
        double h = Math.abs(band[3] - band[1]);
        g.setFill(Color.rgb(0, 114, 178, 0.12));
        g.fillRect(x0, y0, w, h);
        g.setStroke(Color.rgb(0, 114, 178, 0.8));
        g.strokeRect(x0, y0, w, h);
    }

    private double textWidth(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }
}
