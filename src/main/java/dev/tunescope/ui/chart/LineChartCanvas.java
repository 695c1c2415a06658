package dev.tunescope.ui.chart;

import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.LinearScale;
import dev.tunescope.plot.MinMaxPyramid;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.plot.XAxis;
import dev.tunescope.ui.Background;
import java.util.List;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.geometry.Rectangle2D;

/**
 * A line chart of scalar series against steps, at full fidelity: every series is reduced with M4 to the plot's
 * pixel width on every frame, so no point is sampled away and a single spike among millions stays visible at any
 * zoom. What the frames read is prepared once per change of series or smoothing in a {@link SeriesCache}, in this
 * chart's {@link Background} lane, so a newer request supersedes an older one still being built and a stale
 * result never lands. {@link Viewport} holds the zoom, {@link ChartMouse} the mouse, {@link Readout} what the
 * crosshair reads and {@link LineChartRenderer} the drawing.
 *
 * <p>Y is linear or log ({@link #logYProperty()}), over all finite values or without outliers
 * ({@link #ignoreOutliersProperty()}); non-finite stretches are labelled bands and never stretch the y range.
 * Series can be hidden ({@link #hidden()}) and one highlighted ({@link #highlightedProperty()}), by name.
 *
 * <p>Threads: {@link #setSeries}, {@link #setVerticalMarkers} and {@link #setThresholds} may be called from any
 * thread. Everything else, drawing included, happens on the FX thread; redraw requests coalesce into one draw.
 */
public final class LineChartCanvas extends CoalescingCanvasChart {
    private static final double LEFT = 72;
    private static final double RIGHT = 16;
    private static final double BOTTOM = 34;
    private static final double TOP_WITH_LEGEND = 26;
    private static final double TOP = 10;

    private final Background background;
    private final String lane;
    private final BooleanProperty logY = new SimpleBooleanProperty(this, "logY", false);
    private final BooleanProperty ignoreOutliers = new SimpleBooleanProperty(this, "ignoreOutliers", false);
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0);
    private final BooleanProperty legendOnCanvas = new SimpleBooleanProperty(this, "legendOnCanvas", true);
    private final StringProperty xTitle = new SimpleStringProperty(this, "xTitle", "step");
    private final StringProperty yTitle = new SimpleStringProperty(this, "yTitle", "");
    private final javafx.beans.property.ObjectProperty<XAxis> xAxis = new javafx.beans.property.SimpleObjectProperty<>(
            this, "xAxis", XAxis.STEP);
    private final StringProperty highlighted = new SimpleStringProperty(this, "highlighted", null);
    private final ObservableSet<String> hidden = FXCollections.observableSet();
    private final ReadOnlyStringWrapper readout = new ReadOnlyStringWrapper(this, "readout", "");
    private final javafx.beans.property.ReadOnlyBooleanWrapper preparing =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "preparing", false);
    /** Counts the series requests, so that only the latest one's arrival ends {@link #preparing}. */
    private long requests;
    private final ReadOnlyObjectWrapper<List<NamedSeries>> shown = new ReadOnlyObjectWrapper<>(this, "shown",
            List.of());

    private volatile List<NamedSeries> wanted = List.of();
    private volatile SeriesCache cache = SeriesCache.EMPTY;
    private volatile List<Marker> markers = List.of();
    private volatile List<Threshold> thresholds = List.of();

    // FX-thread state
    private final Viewport viewport = new Viewport();
    private final LineChartRenderer renderer = new LineChartRenderer();
    private double crosshairX = Double.NaN;
    private double[] rubberBand;
    private int drawCount;

    /** A chart that prepares its series on the calling thread (dialogs and tests). */
    public LineChartCanvas() {
        this(Background.direct(), "chart");
    }

    /** A chart that prepares its series in {@code lane} of {@code background}; give each chart its own lane. */
    public LineChartCanvas(Background background, String lane) {
        this.background = background;
        this.lane = lane;
        setMinSize(160, 120);
        setPrefSize(640, 400);
        logY.addListener((obs, was, is) -> {
            viewport.resetY();
            requestRedraw();
        });
        ignoreOutliers.addListener((obs, was, is) -> requestRedraw());
        smoothing.addListener((obs, was, is) -> {
            double w = is.doubleValue();
            if (!(w >= 0 && w < 1)) {
                smoothing.set(Math.max(0, Math.min(0.999, Double.isNaN(w) ? 0 : w)));
                return;
            }
            rebuild();
        });
        legendOnCanvas.addListener((obs, was, is) -> requestRedraw());
        xTitle.addListener((obs, was, is) -> requestRedraw());
        xAxis.addListener((obs, was, is) -> requestRedraw());
        yTitle.addListener((obs, was, is) -> requestRedraw());
        highlighted.addListener((obs, was, is) -> requestRedraw());
        hidden.addListener((javafx.collections.SetChangeListener<String>) change -> {
            updateReadout();
            requestRedraw();
        });
        ChartMouse.install(this, canvas());
    }

    // ---- series and marks

    /** The series to draw, in legend order, each in its own colour. Any thread. Keeps the zoom. */
    public void setSeries(List<NamedSeries> series) {
        wanted = List.copyOf(series);
        rebuild();
    }

    /**
     * Shows other series with their marks, the zoom reset: one request, drawn once, when the series are prepared
     * (setting each part on its own drew the old series at the new zoom first, then again). FX thread.
     */
    public void show(List<NamedSeries> series, List<Marker> newMarkers, List<Threshold> newThresholds) {
        // set now without a redraw (the next frame, when the series land, shows them), so that marks set after
        // this call, before the series land, are kept
        viewport.reset();
        markers = List.copyOf(newMarkers);
        thresholds = List.copyOf(newThresholds);
        wanted = List.copyOf(series);
        rebuild();
    }

    /** Prepares the wanted series in this chart's lane; they are drawn when ready, unless superseded. */
    private void rebuild() {
        List<NamedSeries> series = wanted;
        double weight = smoothing.get();
        SeriesCache previous = cache;
        long request = ++requests;
        preparing.set(true);
        background.run(lane, cancelled -> SeriesCache.build(series, previous, weight), built -> apply(built, request),
                failure -> { });
    }

    private void apply(SeriesCache built, long request) {
        cache = built;
        Runnable publish = () -> {
            shown.set(cache.series);
            updateReadout();
            preparing.set(request != requests);
        };
        if (Platform.isFxApplicationThread()) {
            publish.run();
        } else {
            Platform.runLater(publish);
        }
        requestRedraw();
    }

    /** True while the latest series asked for are still being prepared (off the FX thread); changes on it. */
    public javafx.beans.property.ReadOnlyBooleanProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }

    /** The series drawn now (those of the latest {@link #setSeries} once prepared). */
    public List<NamedSeries> getSeries() {
        return cache.series;
    }

    /** The series drawn now, for a legend; changes on the FX thread. */
    public ReadOnlyObjectProperty<List<NamedSeries>> seriesProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The min/max pyramids of {@link #getSeries()}, in the same order (for tests). */
    List<MinMaxPyramid> pyramids() {
        return cache.pyramids;
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

    public List<Threshold> getThresholds() {
        return thresholds;
    }

    // ---- properties

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

    /** Whether the full y range leaves out values below the 1st and above the 99th percentile. */
    public BooleanProperty ignoreOutliersProperty() {
        return ignoreOutliers;
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

    /** Whether the legend is drawn above the plot (false where a legend pane sits above the chart). */
    public BooleanProperty legendOnCanvasProperty() {
        return legendOnCanvas;
    }

    public StringProperty xTitleProperty() {
        return xTitle;
    }

    /** What x measures, for its tick labels and the readout (the series carry it in their step column). */
    public javafx.beans.property.ObjectProperty<XAxis> xAxisProperty() {
        return xAxis;
    }

    public StringProperty yTitleProperty() {
        return yTitle;
    }

    /** The names of the series not drawn. FX thread. */
    public ObservableSet<String> hidden() {
        return hidden;
    }

    /** The name of the series drawn on top with the others dimmed, or null. */
    public StringProperty highlightedProperty() {
        return highlighted;
    }

    /** The crosshair's text (step, then one line per series), empty while the mouse is off the plot. */
    public ReadOnlyStringProperty readoutProperty() {
        return readout.getReadOnlyProperty();
    }

    // ---- view

    /** Shows all steps and all values again. */
    public void resetZoom() {
        viewport.reset();
        requestRedraw();
    }

    /** Shows steps {@code [fromStep, toStep]} (y keeps its zoom). */
    public void zoomTo(long fromStep, long toStep) {
        viewport.showSteps(fromStep, toStep);
        requestRedraw();
    }

    /**
     * Shows steps {@code [fromStep, toStep]} with y fitted to the points inside them (also to series still being
     * prepared), for example to show a finding's evidence.
     */
    public void zoomToAndFitY(long fromStep, long toStep) {
        viewport.showSteps(fromStep, toStep);
        viewport.fitYToVisible();
        requestRedraw();
    }

    /** The steps shown now. */
    public AxisRange visibleXRange() {
        return viewport.x(cache.xRange);
    }

    /** The y values shown now. */
    public AxisRange visibleYRange() {
        ScaleType type = logY.get() ? ScaleType.LOG : ScaleType.LINEAR;
        return viewport.y(cache.yRange(type, ignoreOutliers.get()), () -> cache.fittedRange(type, visibleXRange(), Set.copyOf(hidden)));
    }

    /** The plot area inside the axes, in canvas pixels. */
    public Rectangle2D plotArea() {
        double top = legendOnCanvas.get() ? TOP_WITH_LEGEND : TOP;
        double w = Math.max(1, Math.floor(canvas().getWidth() - LEFT - RIGHT));
        double h = Math.max(1, canvas().getHeight() - top - BOTTOM);
        return new Rectangle2D(LEFT, top, w, h);
    }

    /** The x scale now: steps to canvas pixels. */
    public Scale xScale() {
        Rectangle2D area = plotArea();
        AxisRange x = visibleXRange();
        return new LinearScale(x.min(), x.max(), area.getMinX(), area.getMaxX());
    }

    /** The y scale now: values to canvas pixels (growing upwards). */
    public Scale yScale() {
        Rectangle2D area = plotArea();
        return visibleYRange().toScale(area.getMaxY(), area.getMinY());
    }

    /** Zooms x and y by {@code factor} (below 1 zooms in), keeping the point under the pixel where it is. */
    void zoomAround(double px, double py, double factor) {
        viewport.zoomAround(xScale(), yScale(), px, py, factor);
        updateReadout();
        requestRedraw();
    }

    /** Moves the view by a mouse movement in pixels: the data follows the mouse. */
    void pan(double dx, double dy) {
        viewport.pan(xScale(), yScale(), dx, dy);
        requestRedraw();
    }

    void zoomToRectangle(double x0, double y0, double x1, double y1) {
        viewport.zoomToRectangle(xScale(), yScale(), x0, y0, x1, y1);
        requestRedraw();
    }

    void showRubberBand(double[] band) {
        rubberBand = band;
        requestRedraw();
    }

    // ---- crosshair

    /** The crosshair's reading at a mouse x in canvas pixels; null off the plot or without points. */
    Readout readingAt(double mouseX) {
        Rectangle2D area = plotArea();
        if (!(mouseX >= area.getMinX() && mouseX <= area.getMaxX())) {
            return null;
        }
        return Readout.at(cache, xScale().toValue(mouseX), Set.copyOf(hidden));
    }

    /** The crosshair's text for a mouse x in canvas pixels, as {@link #readoutProperty()} shows it; null off it. */
    public String readoutAt(double mouseX) {
        Readout reading = readingAt(mouseX);
        return reading == null ? null : reading.text(xAxis.get());
    }

    void setCrosshair(double px) {
        crosshairX = px;
        updateReadout();
        requestRedraw();
    }

    private void updateReadout() {
        String text = Double.isNaN(crosshairX) ? null : readoutAt(crosshairX);
        readout.set(text == null ? "" : text);
    }

    // ---- drawing

    /** How many frames were drawn (for tests that a change draws once). */
    int drawCount() {
        return drawCount;
    }

    @Override
    protected void draw() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("draw on the FX thread");
        }
        drawCount++;
        double width = canvas().getWidth();
        double height = canvas().getHeight();
        Rectangle2D area = plotArea();
        if (width < LEFT + RIGHT + 2 || height < area.getMinY() + BOTTOM + 2) {
            canvas().getGraphicsContext2D().clearRect(0, 0, width, height);
            return;
        }
        Readout reading = Double.isNaN(crosshairX) ? null : readingAt(crosshairX);
        renderer.draw(canvas().getGraphicsContext2D(), new LineChartFrame(width, height, area, xScale(), yScale(),
                cache, Set.copyOf(hidden), highlighted.get(), markers, thresholds, xTitle.get(), yTitle.get(),
                reading, crosshairX, rubberBand, legendOnCanvas.get(), xAxis.get()));
    }
}
