package dev.tunescope.ui.chart;

import dev.tunescope.export.Palette;
import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.Ema;
import dev.tunescope.plot.FastM4Reducer;
import dev.tunescope.plot.IndexRange;
import dev.tunescope.plot.LinearScale;
import dev.tunescope.plot.M4Reducer;
import dev.tunescope.plot.MinMaxPyramid;
import dev.tunescope.plot.NonFinite;
import dev.tunescope.plot.ReducedLine;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.plot.Tick;
import dev.tunescope.plot.TickLabels;
import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A line chart of scalar series against steps, at full fidelity: every series is reduced with M4 to the plot's
 * pixel width on every frame, so no point is sampled away and a single spike among millions stays visible at any
 * zoom. The reduction reads a {@link MinMaxPyramid} built once per series by {@link #setSeries} (and once per
 * smoothing weight for the smoothed series), so a frame costs about the plot's width, not the number of points
 * ({@link FastM4Reducer}, which draws exactly what {@link M4Reducer} would).
 *
 * <p>Draws on one {@link Canvas} that follows the region's size. X is linear in steps; y is linear or log
 * ({@link #logYProperty()}). Non-finite values are marked with a small x (NaN and +Inf at the top of the plot,
 * -Inf at the bottom). With {@link #smoothingProperty()} above 0 each series is drawn EMA-smoothed
 * ({@link Ema}) over a faint raw curve; the smoothed series are computed once per change, not per frame.
 *
 * <p>Mouse: the wheel zooms x and y around the cursor, a primary drag pans, a shift-drag (or a secondary drag) zooms
 * into the rectangle drawn, a double click resets the zoom; moving the mouse shows a crosshair with the step and
 * each series' value at its nearest point.
 *
 * <p>Threads: {@link #setSeries}, {@link #setVerticalMarkers} and {@link #setThresholds} may be called from any
 * thread (the series are immutable; the lists are swapped whole). Everything else, drawing included, happens on the
 * FX thread; requests for a redraw are coalesced into one draw at the next pulse.
 */
public final class LineChartCanvas extends CoalescingCanvasChart {
    private static final Color[] COLORS = Palette.COLORS.stream().map(Color::web).toArray(Color[]::new);
    private static final Font FONT = Font.font(11);
    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    private static final double TOP = 26;
    private static final double BOTTOM = 30;
    private static final double RAW_ALPHA = 0.25;
    private static final double WHEEL_NOTCH = 40;
    private static final double ZOOM_PER_NOTCH = 1.25;

    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0);
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");

    private volatile Data data = new Data(List.of(), null);
    private volatile List<Marker> markers = List.of();
    private volatile List<Threshold> thresholds = List.of();

    // FX-thread state
    private Data drawn; // the data the caches below belong to
    private double smoothedWith = Double.NaN;
    private final List<ScalarSeries> smoothed = new ArrayList<>();
    private final List<MinMaxPyramid> smoothedPyramids = new ArrayList<>();
    private final List<ReducedLine> rawLines = new ArrayList<>();
    private final List<ReducedLine> smoothLines = new ArrayList<>();
    private double[] scratchX = new double[64];
    private double[] scratchY = new double[64];
    private double viewXMin = Double.NaN; // NaN: the whole x range
    private double viewXMax = Double.NaN;
    private double viewYMin = Double.NaN; // NaN: the whole y range
    private double viewYMax = Double.NaN;
    private double crosshairX = Double.NaN;
    private double dragStartX;
    private double dragStartY;
    private double dragLastX;
    private double dragLastY;
    private boolean rubberBand;
    private final Text measure = new Text();

    public LineChartCanvas() {
        Canvas canvas = canvas();
        setMinSize(160, 120);
        setPrefSize(640, 400);
        measure.setFont(FONT);
        logY.addListener((obs, was, is) -> {
            viewYMin = Double.NaN; // a y zoom in one scale type means nothing in the other
            viewYMax = Double.NaN;
            requestRedraw();
        });
        smoothing.addListener((obs, was, is) -> {
            double w = is.doubleValue();
            if (!(w >= 0 && w < 1)) {
                smoothing.set(Math.max(0, Math.min(0.999, Double.isNaN(w) ? 0 : w)));
                return;
            }
            requestRedraw();
        });
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> setCrosshair(e.getX()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> setCrosshair(Double.NaN));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
    }

    // ---- public API

    /**
     * The series to draw, in legend order; colours follow {@link Palette}. Any thread; builds each new series' min/max
     * pyramid on the calling thread (O(n), about 3 bytes a point), reusing those of series already shown. Keeps the
     * zoom.
     */
    public void setSeries(List<NamedSeries> series) {
        data = new Data(List.copyOf(series), data);
        requestRedraw();
    }

    public List<NamedSeries> getSeries() {
        return data.series;
    }

    /** The min/max pyramids of {@link #getSeries()}, in the same order (for tests). */
    List<MinMaxPyramid> pyramids() {
        return data.pyramids;
    }

    /** Vertical lines at steps, with labels. Any thread. */
    public void setVerticalMarkers(List<Marker> markers) {
        this.markers = List.copyOf(markers);
        requestRedraw();
    }

    /** Horizontal lines at y values, with labels. Any thread. */
    public void setThresholds(List<Threshold> thresholds) {
        this.thresholds = List.copyOf(thresholds);
        requestRedraw();
    }

    /** Whether the y axis is logarithmic (non-positive values then break the lines). */
    public BooleanProperty logYProperty() {
        return logY;
    }

    public boolean isLogY() {
        return logY.get();
    }

    public void setLogY(boolean value) {
        logY.set(value);
    }

    /** EMA weight in [0, 1); 0 draws the raw series only, above 0 the smoothed ones over faint raw ones. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public double getSmoothing() {
        return smoothing.get();
    }

    public void setSmoothing(double value) {
        smoothing.set(value);
    }

    /** The crosshair's text (step, then one line per series), empty while the mouse is off the plot. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    /** Shows all steps and all values again. */
    public void resetZoom() {
        viewXMin = viewXMax = viewYMin = viewYMax = Double.NaN;
        requestRedraw();
    }

    /** Shows steps {@code [fromStep, toStep]} (y keeps its zoom), for example to jump to a finding's evidence. */
    public void zoomTo(long fromStep, long toStep) {
        double from = Math.min(fromStep, toStep);
        double to = Math.max(fromStep, toStep);
        if (to - from < 1) {
            from -= 0.5;
            to += 0.5;
        }
        viewXMin = from;
        viewXMax = to;
        requestRedraw();
    }

    /** The steps shown now. */
    public AxisRange visibleXRange() {
        return new AxisRange(xMin(), xMax(), ScaleType.LINEAR);
    }

    /** The y values shown now. */
    public AxisRange visibleYRange() {
        AxisRange full = fullYRange();
        return Double.isNaN(viewYMin) ? full : new AxisRange(viewYMin, viewYMax, full.type());
    }

    /** The plot area inside the axes, in canvas pixels. */
    public Rectangle2D plotArea() {
        double w = Math.max(1, Math.floor(canvas().getWidth() - LEFT - RIGHT));
        double h = Math.max(1, canvas().getHeight() - TOP - BOTTOM);
        return new Rectangle2D(LEFT, TOP, w, h);
    }

    /** The x scale now: steps to canvas pixels. */
    public Scale xScale() {
        Rectangle2D area = plotArea();
        return new LinearScale(xMin(), xMax(), area.getMinX(), area.getMaxX());
    }

    /** The y scale now: values to canvas pixels (growing upwards). */
    public Scale yScale() {
        Rectangle2D area = plotArea();
        return visibleYRange().toScale(area.getMaxY(), area.getMinY());
    }

    /**
     * The crosshair's text for a mouse x in canvas pixels: the step of the point nearest to it among all series, then
     * per series its value at its own nearest point (with that point's step where it differs). Null off the plot or
     * without points.
     */
    public String readoutAt(double mouseX) {
        Rectangle2D area = plotArea();
        if (!(mouseX >= area.getMinX() && mouseX <= area.getMaxX())) {
            return null;
        }
        Data d = data;
        double target = xScale().toValue(mouseX);
        long best = Long.MIN_VALUE;
        double bestDistance = Double.POSITIVE_INFINITY;
        int[] nearest = new int[d.series.size()];
        for (int s = 0; s < nearest.length; s++) {
            ScalarSeries series = d.series.get(s).series();
            nearest[s] = nearestIndex(series, target);
            if (nearest[s] >= 0) {
                double distance = Math.abs(series.step(nearest[s]) - target);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = series.step(nearest[s]);
                }
            }
        }
        if (best == Long.MIN_VALUE) {
            return null;
        }
        boolean smooth = smoothing.get() > 0 && smoothed.size() == nearest.length && drawn == d;
        StringBuilder text = new StringBuilder("step ").append(String.format(Locale.ROOT, "%,d", best));
        for (int s = 0; s < nearest.length; s++) {
            if (nearest[s] < 0) {
                continue;
            }
            ScalarSeries series = d.series.get(s).series();
            text.append('\n').append(d.series.get(s).name()).append(": ");
            if (smooth) {
                text.append(formatValue(smoothed.get(s).value(nearest[s]))).append(" (raw ")
                        .append(formatValue(series.value(nearest[s]))).append(')');
            } else {
                text.append(formatValue(series.value(nearest[s])));
            }
            if (series.step(nearest[s]) != best) {
                text.append(" @ ").append(String.format(Locale.ROOT, "%,d", series.step(nearest[s])));
            }
        }
        return text.toString();
    }

    // ---- layout and drawing

    @Override
    protected void draw() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("draw on the FX thread");
        }
        GraphicsContext g = canvas().getGraphicsContext2D();
        double width = canvas().getWidth();
        double height = canvas().getHeight();
        g.setFill(ChartTheme.current().background());
        g.fillRect(0, 0, width, height);
        if (width < LEFT + RIGHT + 2 || height < TOP + BOTTOM + 2) {
            return;
        }
        Data d = data;
        updateCaches(d);
        Rectangle2D area = plotArea();
        Scale x = xScale();
        Scale y = yScale();
        g.setFont(FONT);
        drawGridAndAxes(g, area, x, y);

        g.save();
        g.beginPath();
        g.rect(area.getMinX(), area.getMinY(), area.getWidth(), area.getHeight());
        g.clip();
        int columns = (int) area.getWidth();
        boolean smooth = smoothing.get() > 0;
        g.setLineWidth(1);
        // Reduce every series first, in parallel (each into its own reusable line; pyramids and scales are
        // immutable), then draw on this thread: with many long series the reduction is most of a frame.
        java.util.stream.IntStream.range(0, d.series.size()).parallel().forEach(s -> {
            IndexRange range = M4Reducer.visibleIndices(d.series.get(s).series(), x);
            FastM4Reducer.reduceInto(d.pyramids.get(s), range.from(), range.to(), x, y, columns, rawLines.get(s));
            if (smooth) {
                FastM4Reducer.reduceInto(smoothedPyramids.get(s), range.from(), range.to(), x, y, columns,
                        smoothLines.get(s));
            }
        });
        for (int s = 0; s < d.series.size(); s++) {
            Color color = ChartTheme.current().seriesColor(COLORS[s % COLORS.length]);
            ReducedLine raw = rawLines.get(s);
            if (smooth) {
                g.setGlobalAlpha(RAW_ALPHA);
                stroke(g, raw, color);
                g.setGlobalAlpha(1);
                g.setLineWidth(1.5);
                stroke(g, smoothLines.get(s), color);
                g.setLineWidth(1);
            } else {
                stroke(g, raw, color);
            }
            drawNonFinite(g, raw, color, area);
        }
        drawThresholds(g, area, y);
        drawMarkers(g, area, x);
        drawRubberBand(g);
        g.restore();
        drawLegend(g, d);
        drawCrosshair(g, area);
    }

    private void updateCaches(Data d) {
        if (drawn != d) {
            drawn = d;
            smoothedWith = Double.NaN;
            while (rawLines.size() < d.series.size()) {
                rawLines.add(new ReducedLine());
                smoothLines.add(new ReducedLine());
            }
        }
        double w = smoothing.get();
        if (w > 0 && w != smoothedWith) {
            smoothed.clear();
            smoothedPyramids.clear();
            for (NamedSeries s : d.series) {
                ScalarSeries one = Ema.smooth(s.series(), w);
                smoothed.add(one);
                smoothedPyramids.add(MinMaxPyramid.build(one));
            }
            smoothedWith = w;
        }
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

    private void drawNonFinite(GraphicsContext g, ReducedLine line, Color color, Rectangle2D area) {
        if (line.markerCount() == 0) {
            return;
        }
        g.setStroke(color);
        for (int m = 0; m < line.markerCount(); m++) {
            double px = line.markerX(m);
            double py = line.markerKind(m) == NonFinite.NEGATIVE_INFINITY ? area.getMaxY() - 5 : area.getMinY() + 5;
            g.strokeLine(px - 3, py - 3, px + 3, py + 3);
            g.strokeLine(px - 3, py + 3, px + 3, py - 3);
        }
    }

    private void drawGridAndAxes(GraphicsContext g, Rectangle2D area, Scale x, Scale y) {
        g.setLineWidth(1);
        g.setFill(ChartTheme.current().axis());
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (Tick tick : x.ticks()) {
            double px = snap(x.toPixel(tick.value()));
            g.setStroke(ChartTheme.current().grid());
            g.strokeLine(px, area.getMinY(), px, area.getMaxY());
            g.setStroke(ChartTheme.current().axis());
            g.strokeLine(px, area.getMaxY(), px, area.getMaxY() + 4);
            g.fillText(tick.label(), px, area.getMaxY() + 6);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (Tick tick : y.ticks()) {
            double py = snap(y.toPixel(tick.value()));
            if (tick.major()) {
                g.setStroke(ChartTheme.current().grid());
                g.strokeLine(area.getMinX(), py, area.getMaxX(), py);
                g.fillText(tick.label(), area.getMinX() - 7, py);
            }
            g.setStroke(ChartTheme.current().axis());
            g.strokeLine(area.getMinX() - (tick.major() ? 4 : 2), py, area.getMinX(), py);
        }
        g.setStroke(ChartTheme.current().axis());
        g.strokeRect(snap(area.getMinX()), snap(area.getMinY()), area.getWidth(), area.getHeight());
    }

    private void drawThresholds(GraphicsContext g, Rectangle2D area, Scale y) {
        g.setStroke(ChartTheme.current().threshold());
        g.setFill(ChartTheme.current().threshold());
        g.setLineDashes(6, 4);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        for (Threshold t : thresholds) {
            double py = y.toPixel(t.value());
            if (Double.isFinite(py)) {
                py = snap(py);
                g.strokeLine(area.getMinX(), py, area.getMaxX(), py);
                g.fillText(t.label(), area.getMaxX() - 4, py - 2);
            }
        }
        g.setLineDashes((double[]) null);
    }

    private void drawMarkers(GraphicsContext g, Rectangle2D area, Scale x) {
        g.setStroke(ChartTheme.current().marker());
        g.setFill(ChartTheme.current().marker());
        g.setLineDashes(4, 3);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (Marker m : markers) {
            double px = snap(x.toPixel(m.step()));
            g.strokeLine(px, area.getMinY(), px, area.getMaxY());
            g.fillText(m.label(), px + 3, area.getMinY() + 12);
        }
        g.setLineDashes((double[]) null);
    }

    private void drawLegend(GraphicsContext g, Data d) {
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double px = LEFT;
        double py = TOP / 2;
        for (int s = 0; s < d.series.size(); s++) {
            String name = d.series.get(s).name();
            Color color = ChartTheme.current().seriesColor(COLORS[s % COLORS.length]);
            g.setStroke(color);
            g.setLineWidth(2);
            g.strokeLine(px, py, px + 16, py);
            g.setLineWidth(1);
            g.setFill(ChartTheme.current().axis());
            g.fillText(name, px + 20, py);
            px += 20 + textWidth(name) + 14;
            if (px > canvas().getWidth() - RIGHT) {
                break;
            }
        }
    }

    private void drawCrosshair(GraphicsContext g, Rectangle2D area) {
        if (Double.isNaN(crosshairX)) {
            return;
        }
        String text = readout.get();
        if (text.isEmpty()) {
            return;
        }
        g.setStroke(Color.gray(0.4, 0.8));
        double px = snap(crosshairX);
        g.strokeLine(px, area.getMinY(), px, area.getMaxY());
        String[] lines = text.split("\n");
        double boxWidth = 0;
        for (String line : lines) {
            boxWidth = Math.max(boxWidth, textWidth(line));
        }
        boxWidth += 10;
        double lineHeight = 14;
        double boxHeight = lines.length * lineHeight + 6;
        double bx = px + 8 + boxWidth > area.getMaxX() ? px - 8 - boxWidth : px + 8;
        double by = area.getMinY() + 4;
        g.setFill(ChartTheme.current().legendFill());
        g.fillRect(bx, by, boxWidth, boxHeight);
        g.setStroke(ChartTheme.current().legendBorder());
        g.strokeRect(bx, by, boxWidth, boxHeight);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(ChartTheme.current().axis());
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], bx + 5, by + 3 + i * lineHeight);
        }
    }

    private void drawRubberBand(GraphicsContext g) {
        if (!rubberBand) {
            return;
        }
        double x0 = Math.min(dragStartX, dragLastX);
        double y0 = Math.min(dragStartY, dragLastY);
        g.setFill(Color.rgb(0, 114, 178, 0.12));
        g.fillRect(x0, y0, Math.abs(dragLastX - dragStartX), Math.abs(dragLastY - dragStartY));
        g.setStroke(Color.rgb(0, 114, 178, 0.8));
        g.strokeRect(x0, y0, Math.abs(dragLastX - dragStartX), Math.abs(dragLastY - dragStartY));
    }

    private double textWidth(String s) {
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    /** The middle of a pixel, where a one-pixel line is sharp. */
    // ---- ranges

    private double xMin() {
        return Double.isNaN(viewXMin) ? data.xRange.min() : viewXMin;
    }

    private double xMax() {
        return Double.isNaN(viewXMax) ? data.xRange.max() : viewXMax;
    }

    private AxisRange fullYRange() {
        return data.yRange(logY.get() ? ScaleType.LOG : ScaleType.LINEAR);
    }

    /** Sets the y view from values, when they make a valid range for the current type. */
    private void setYView(double min, double max) {
        ScaleType type = fullYRange().type();
        try {
            new AxisRange(min, max, type);
        } catch (IllegalArgumentException e) {
            return; // zoomed past what doubles can tell apart: keep the view
        }
        viewYMin = min;
        viewYMax = max;
    }

    private void setXView(double min, double max) {
        if (!(max - min >= 1e-3) || !Double.isFinite(min) || !Double.isFinite(max)) {
            return; // narrower than a thousandth of a step says nothing more
        }
        viewXMin = min;
        viewXMax = max;
    }

    // ---- mouse

    private void onScroll(ScrollEvent e) {
        Rectangle2D area = plotArea();
        if (e.getDeltaY() == 0 || !area.contains(e.getX(), e.getY())) {
            return;
        }
        double factor = Math.pow(ZOOM_PER_NOTCH, -e.getDeltaY() / WHEEL_NOTCH); // < 1 zooms in
        zoomAround(e.getX(), e.getY(), factor);
        e.consume();
    }

    /** Zooms x and y by {@code factor} (below 1 zooms in), keeping the point under the pixel where it is. */
    void zoomAround(double px, double py, double factor) {
        Scale x = xScale();
        double cx = x.toValue(px);
        setXView(cx - (cx - x.min()) * factor, cx + (x.max() - cx) * factor);
        Scale y = yScale();
        // zoom in pixel space so that a log axis zooms by decades
        double top = py - (py - y.pixelTo()) * factor;
        double bottom = py + (y.pixelFrom() - py) * factor;
        setYView(y.toValue(bottom), y.toValue(top));
        updateReadout();
        requestRedraw();
    }

    private void onPressed(MouseEvent e) {
        dragStartX = dragLastX = e.getX();
        dragStartY = dragLastY = e.getY();
        rubberBand = e.getButton() == MouseButton.SECONDARY || (e.getButton() == MouseButton.PRIMARY && e.isShiftDown());
    }

    private void onDragged(MouseEvent e) {
        if (rubberBand) {
            dragLastX = e.getX();
            dragLastY = e.getY();
        } else if (e.getButton() == MouseButton.PRIMARY) {
            pan(e.getX() - dragLastX, e.getY() - dragLastY);
            dragLastX = e.getX();
            dragLastY = e.getY();
        }
        setCrosshair(e.getX());
        requestRedraw();
    }

    private void onReleased(MouseEvent e) {
        if (!rubberBand) {
            return;
        }
        rubberBand = false;
        if (Math.abs(e.getX() - dragStartX) >= 4 && Math.abs(e.getY() - dragStartY) >= 4) {
            Scale x = xScale();
            Scale y = yScale();
            setXView(x.toValue(Math.min(e.getX(), dragStartX)), x.toValue(Math.max(e.getX(), dragStartX)));
            setYView(y.toValue(Math.max(e.getY(), dragStartY)), y.toValue(Math.min(e.getY(), dragStartY)));
        }
        requestRedraw();
    }

    /** Moves the view by a mouse movement in pixels: the data follows the mouse. */
    void pan(double dx, double dy) {
        Scale x = xScale();
        Scale y = yScale();
        setXView(x.toValue(x.pixelFrom() - dx), x.toValue(x.pixelTo() - dx));
        if (dy != 0) {
            setYView(y.toValue(y.pixelFrom() - dy), y.toValue(y.pixelTo() - dy));
        }
        requestRedraw();
    }

    private void setCrosshair(double px) {
        crosshairX = px;
        updateReadout();
        requestRedraw();
    }

    private void updateReadout() {
        String text = Double.isNaN(crosshairX) ? null : readoutAt(crosshairX);
        readout.set(text == null ? "" : text);
    }

    // ---- helpers

    /** The index of the point whose step is nearest to {@code step} (binary search), or -1 for an empty series. */
    static int nearestIndex(ScalarSeries series, double step) {
        if (series.isEmpty()) {
            return -1;
        }
        long ceil = step >= Long.MAX_VALUE ? Long.MAX_VALUE : step <= Long.MIN_VALUE ? Long.MIN_VALUE
                : (long) Math.ceil(step);
        int after = series.indexAtOrAfter(ceil);
        if (after >= series.size()) {
            return series.size() - 1;
        }
        if (after == 0) {
            return 0;
        }
        return step - series.step(after - 1) <= series.step(after) - step ? after - 1 : after;
    }

    static String formatValue(double v) {
        if (!Double.isFinite(v)) {
            return TickLabels.format(v);
        }
        double a = Math.abs(v);
        if (v != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format(Locale.ROOT, "%.4e", v);
        }
        return String.format(Locale.ROOT, "%.5g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /**
     * The series, their pyramids and their full ranges, computed once per {@link #setSeries} (y per scale type,
     * lazily). A series that the previous data held too (the same object) keeps its pyramid.
     */
    private static final class Data {
        final List<NamedSeries> series;
        final List<MinMaxPyramid> pyramids;
        final AxisRange xRange;
        private volatile AxisRange linearY;
        private volatile AxisRange logY;

        Data(List<NamedSeries> series, Data previous) {
            this.series = series;
            Map<ScalarSeries, MinMaxPyramid> built = new IdentityHashMap<>();
            if (previous != null) {
                for (MinMaxPyramid pyramid : previous.pyramids) {
                    built.put(pyramid.series(), pyramid);
                }
            }
            List<MinMaxPyramid> pyramids = new ArrayList<>(series.size());
            for (NamedSeries s : series) {
                pyramids.add(built.computeIfAbsent(s.series(), MinMaxPyramid::build));
            }
            this.pyramids = List.copyOf(pyramids);
            this.xRange = AxisRange.ofSteps(ScaleType.LINEAR, raw(series));
        }

        AxisRange yRange(ScaleType type) {
            if (type == ScaleType.LOG) {
                if (logY == null) {
                    logY = AxisRange.ofValues(type, raw(series));
                }
                return logY;
            }
            if (linearY == null) {
                linearY = AxisRange.ofValues(type, raw(series));
            }
            return linearY;
        }

        private static List<ScalarSeries> raw(List<NamedSeries> series) {
            return series.stream().map(NamedSeries::series).toList();
        }
    }
}
