package dev.tunescope.export;

import dev.tunescope.plot.Palette;
import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.M4Reducer;
import dev.tunescope.plot.NonFinite;
import dev.tunescope.plot.ReducedLine;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart of scalar series as a self-contained SVG: each series drawn through M4 at the plot's pixel width
 * (every spike kept), broken where it has no value to draw, with a small x where it turned NaN or infinite.
 * Optional dashed vertical markers at steps (e.g. the first unstable step) and horizontal thresholds, a legend,
 * and ticks on linear or log axes.
 *
 * <pre>{@code
 * Svg svg = new SvgLineChart().title("Training loss").xLabel("step").yLabel("loss").yScale(ScaleType.LOG)
 *         .series("lr=1e-3", loss).verticalMarker(1200, "first unstable step").toSvg();
 * }</pre>
 */
public final class SvgLineChart {
    private static final String MARKER_COLOR = "#444444";
    private static final double NOTE_FONT = 10;

    private int width = 760;
    private int height = 420;
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private ScaleType xType = ScaleType.LINEAR;
    private ScaleType yType = ScaleType.LINEAR;
    private AxisRange xRange;
    private AxisRange yRange;
    private final List<Named> series = new ArrayList<>();
    private final List<Line> verticals = new ArrayList<>();
    private final List<Line> thresholds = new ArrayList<>();

    private record Named(String name, ScalarSeries series, String color) {
    }

    private record Line(double at, String label) {
    }

    public SvgLineChart size(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a chart needs at least 200 x 150 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    public SvgLineChart title(String title) {
        this.title = title;
        return this;
    }

    public SvgLineChart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public SvgLineChart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    public SvgLineChart xScale(ScaleType type) {
        this.xType = type;
        return this;
    }

    public SvgLineChart yScale(ScaleType type) {
        this.yType = type;
        return this;
    }

    /** Shows only these steps (default: all steps of all series). */
    public SvgLineChart xRange(double min, double max) {
        this.xRange = new AxisRange(min, max, xType);
        return this;
    }

    /** Shows only these values (default: all finite values, padded, and every threshold). */
    public SvgLineChart yRange(double min, double max) {
        this.yRange = new AxisRange(min, max, yType);
        return this;
    }

    /** Adds a series in the next palette colour. */
    public SvgLineChart series(String name, ScalarSeries values) {
        series.add(new Named(name, values, Palette.color(series.size())));
        return this;
    }

    /** A dashed vertical line at a step, e.g. {@code "first unstable step"}. */
    public SvgLineChart verticalMarker(double step, String label) {
        verticals.add(new Line(step, label));
        return this;
    }

    /** A dashed horizontal line at a value, e.g. {@code "clip = 1.0"}. */
    public SvgLineChart threshold(double value, String label) {
        thresholds.add(new Line(value, label));
        return this;
    }

    public Svg toSvg() {
        List<String> notes = series.stream().map(named -> firstNonFinite(named.series())).toList();
        int legendWidth = legendWidth(notes);
        ChartFrame frame = new ChartFrame(width, height, !title.isEmpty(), legendWidth, 0);
        Scale x = frame.xScale(xRange != null ? retype(xRange, xType) : defaultXRange());
        Scale y = frame.yScale(yRange != null ? retype(yRange, yType) : defaultYRange());
        SvgDocument svg = new SvgDocument(width, height, title.isEmpty() ? "line chart" : title);
        frame.draw(svg, x, y, title, xLabel, yLabel);

        List<ReducedLine> lines = new ArrayList<>();
        svg.beginClip(frame.left, frame.top, frame.plotWidth, frame.plotHeight);
        for (Named named : series) {
            ReducedLine line = M4Reducer.reduce(named.series(), x, y, frame.plotWidth);
            lines.add(line);
            svg.beginGroup(named.name());
            if (line.size() > 0) {
                svg.path(pathData(line), named.color(), 1.5, null);
            }
            svg.endGroup();
        }
        svg.endClip();
        for (int i = 0; i < series.size(); i++) {
            divergenceMarks(svg, frame, lines.get(i), series.get(i), i);
        }
        for (Line threshold : thresholds) {
            frame.horizontalMarker(svg, y.toPixel(threshold.at()), threshold.label(), MARKER_COLOR);
        }
        for (int i = 0; i < verticals.size(); i++) {
            Line vertical = verticals.get(i);
            frame.verticalMarker(svg, x.toPixel(vertical.at()), vertical.label(), MARKER_COLOR, i % 4);
        }
        legend(svg, frame, notes);
        return svg.finish();
    }

    /** A range given before the scale type was set follows the type. */
    private static AxisRange retype(AxisRange range, ScaleType type) {
        return range.type() == type ? range : new AxisRange(range.min(), range.max(), type);
    }

    private AxisRange defaultXRange() {
        AxisRange.Extent extent = new AxisRange.Extent(xType);
        series.forEach(named -> extent.includeSteps(named.series()));
        verticals.forEach(line -> extent.include(line.at()));
        return extent.toRange(0);
    }

    private AxisRange defaultYRange() {
        AxisRange.Extent extent = new AxisRange.Extent(yType);
        series.forEach(named -> extent.includeValues(named.series()));
        thresholds.forEach(line -> extent.include(line.at()));
        return extent.toRange(AxisRange.PAD);
    }

    private static CharSequence pathData(ReducedLine line) {
        StringBuilder d = new StringBuilder(line.size() * 14);
        for (int s = 0; s < line.segmentCount(); s++) {
            int start = line.segmentStart(s);
            int end = line.segmentEnd(s);
            d.append('M');
            Markup.coord(d, line.x(start));
            d.append(' ');
            Markup.coord(d, line.y(start));
            if (end - start == 1) {
                d.append("h0"); // a lone point: a dot, drawn by the round line cap
            }
            for (int i = start + 1; i < end; i++) {
                d.append('L');
                Markup.coord(d, line.x(i));
                d.append(' ');
                Markup.coord(d, line.y(i));
            }
        }
        return d;
    }

    /**
     * An x at the top of the plot (bottom for -Inf) where a series turned NaN or infinite; marks of one series and
     * kind closer than 8 pixels are drawn once, so a long diverged tail is one row of marks, not a smear.
     */
    private static void divergenceMarks(SvgDocument svg, ChartFrame frame, ReducedLine line, Named named, int index) {
        double[] lastX = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double offset = 7 + 9 * (index % 4); // series apart vertically
        for (int m = 0; m < line.markerCount(); m++) {
            NonFinite kind = line.markerKind(m);
            double mx = line.markerX(m);
            if (mx - lastX[kind.ordinal()] < 8) {
                continue;
            }
            lastX[kind.ordinal()] = mx;
            double my = kind == NonFinite.NEGATIVE_INFINITY ? frame.bottom() - offset : frame.top + offset;
            svg.beginGroup(named.name() + ": " + kind.label() + " at step " + line.markerStep(m));
            svg.line(mx - 3.5, my - 3.5, mx + 3.5, my + 3.5, named.color(), 2, null);
            svg.line(mx - 3.5, my + 3.5, mx + 3.5, my - 3.5, named.color(), 2, null);
            svg.endGroup();
        }
    }

    private int legendWidth(List<String> notes) {
        if (series.isEmpty()) {
            return 0;
        }
        double widest = 0;
        for (int i = 0; i < series.size(); i++) {
            widest = Math.max(widest, Markup.textWidth(series.get(i).name(), ChartFrame.SMALL_FONT));
            String note = notes.get(i);
            if (note != null) {
                widest = Math.max(widest, Markup.textWidth(note, NOTE_FONT));
            }
        }
        return (int) Math.min(260, Math.ceil(widest) + 40);
    }

    private void legend(SvgDocument svg, ChartFrame frame, List<String> notes) {
        double lx = frame.right() + 14;
        double ly = frame.top + 8;
        svg.beginGroup();
        for (int i = 0; i < series.size(); i++) {
            Named named = series.get(i);
            svg.line(lx, ly, lx + 18, ly, named.color(), 2.5, null);
            svg.text(lx + 24, ly + 4, "start", ChartFrame.SMALL_FONT, SvgDocument.TEXT, 0, named.name());
            ly += 18;
            String note = notes.get(i);
            if (note != null) {
                svg.text(lx + 24, ly, "start", NOTE_FONT, SvgDocument.MUTED, 0, note);
                ly += 14;
            }
        }
        svg.endGroup();
    }

    /** "NaN from step 1200" for a series that diverged, else null. */
    private static String firstNonFinite(ScalarSeries series) {
        for (int i = 0; i < series.size(); i++) {
            NonFinite kind = NonFinite.of(series.value(i));
            if (kind != null) {
                return kind.label() + " from step " + series.step(i);
            }
        }
        return null;
    }
}
