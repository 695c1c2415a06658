package dev.tunescope.export;

import dev.tunescope.plot.Palette;
import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Points {@code (x, y)} as a self-contained SVG, e.g. final loss against learning rate (x on a log axis by default).
 * Each point has a {@link MarkerStyle} and an optional label; a point whose y is not finite (a diverged trial) is
 * drawn at the top edge with a tooltip saying so. Optionally joined by a line in x order, with a legend of styles
 * and notes below the plot (e.g. "lr* is at the edge of the searched range"). Points the x axis cannot show (x
 * at or below zero on a log axis) are left out.
 */
public final class SvgScatterChart {
    private static final String HIGHLIGHT = Palette.color(1);
    private static final String NORMAL = Palette.color(0);
    private static final String DISTINCT = "#000000";
    private static final double NOTE_LINE = 16;

    private int width = 640;
    private int height = 400;
    private String title = "";
    private String xLabel = "";
    private String yLabel = "";
    private ScaleType xType = ScaleType.LOG;
    private ScaleType yType = ScaleType.LINEAR;
    private boolean connect;
    private final List<Point> points = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<MarkerStyle, String> legend = new EnumMap<>(MarkerStyle.class);

    private record Point(double x, double y, MarkerStyle style, String label) {
    }

    public SvgScatterChart size(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a chart needs at least 200 x 150 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    public SvgScatterChart title(String title) {
        this.title = title;
        return this;
    }

    public SvgScatterChart xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    public SvgScatterChart yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /** Log by default (learning rates). */
    public SvgScatterChart xScale(ScaleType type) {
        this.xType = type;
        return this;
    }

    public SvgScatterChart yScale(ScaleType type) {
        this.yType = type;
        return this;
    }

    /** Joins the points with a line in x order, broken at points with no finite y. */
    public SvgScatterChart connect(boolean connect) {
        this.connect = connect;
        return this;
    }

    public SvgScatterChart point(double x, double y, MarkerStyle style) {
        return point(x, y, style, "");
    }

    /** A point with a label written beside it (e.g. {@code "lr*"}). */
    public SvgScatterChart point(double x, double y, MarkerStyle style, String label) {
        points.add(new Point(x, y, style, label));
        return this;
    }

    /** A legend entry for a style, e.g. {@code DISTINCT -> "unstable"}. */
    public SvgScatterChart legend(MarkerStyle style, String meaning) {
        legend.put(style, meaning);
        return this;
    }

    /** A line of text below the plot. */
    public SvgScatterChart note(String note) {
        notes.add(note);
        return this;
    }

    public Svg toSvg() {
        int legendWidth = legendWidth();
        ChartFrame frame = new ChartFrame(width, height, !title.isEmpty(), legendWidth,
                (int) (notes.size() * NOTE_LINE));
        AxisRange.Extent xs = new AxisRange.Extent(xType);
        AxisRange.Extent ys = new AxisRange.Extent(yType);
        points.forEach(p -> {
            xs.include(p.x());
            ys.include(p.y());
        });
        Scale x = frame.xScale(xs.toRange(AxisRange.PAD));
        Scale y = frame.yScale(ys.toRange(AxisRange.PAD));
        SvgDocument svg = new SvgDocument(width, height, title.isEmpty() ? "scatter chart" : title);
        frame.draw(svg, x, y, title, xLabel, yLabel);

        List<Point> drawn = points.stream().filter(p -> x.canShow(p.x()))
                .sorted(Comparator.comparingDouble(Point::x)).toList();
        if (connect) {
            svg.path(connectingLine(drawn, x, y), "#888888", 1.2, null);
        }
        for (Point p : drawn) {
            boolean shown = y.canShow(p.y());
            double px = x.toPixel(p.x());
            double py = shown ? y.toPixel(p.y()) : frame.top + 6; // no value to place: a diverged trial, at the top
            String tip = "x = " + Markup.number(p.x()) + ", y = " + Markup.number(p.y()) + (p.label().isEmpty() ? "" : " (" + p.label() + ")");
            svg.beginGroup(tip);
            marker(svg, px, py, p.style());
            // a point with no value to place says so beside it, unless it has its own label
            String label = p.label().isEmpty() && !shown ? Markup.number(p.y()) : p.label();
            if (!label.isEmpty()) {
                boolean roomRight = px + 9 + Markup.textWidth(label, ChartFrame.SMALL_FONT) <= frame.right();
                svg.text(roomRight ? px + 9 : px - 9, py - 7 + (shown ? 0 : 14), roomRight ? "start" : "end",
                        ChartFrame.SMALL_FONT, SvgDocument.TEXT, 0, label);
            }
            svg.endGroup();
        }
        drawLegend(svg, frame);
        double ny = frame.bottom() + 38 + NOTE_LINE;
        for (String note : notes) {
            svg.text(frame.left, ny, "start", ChartFrame.FONT, SvgDocument.TEXT, 0, note);
            ny += NOTE_LINE;
        }
        return svg.finish();
    }

    private static CharSequence connectingLine(List<Point> drawn, Scale x, Scale y) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (Point p : drawn) {
            if (!y.canShow(p.y())) {
                pen = false;
                continue;
            }
            d.append(pen ? 'L' : 'M');
            Markup.coord(d, x.toPixel(p.x()));
            d.append(' ');
            Markup.coord(d, y.toPixel(p.y()));
            pen = true;
        }
        return d.isEmpty() ? "M0 0" : d;
    }

    private static void marker(SvgDocument svg, double px, double py, MarkerStyle style) {
        switch (style) {
            case NORMAL -> svg.circle(px, py, 4, NORMAL, "#ffffff", 1);
            case HIGHLIGHTED -> svg.circle(px, py, 6.5, HIGHLIGHT, "#222222", 1.5);
            case DISTINCT -> {
                StringBuilder d = new StringBuilder("M");
                Markup.coord(d, px);
                d.append(' ');
                Markup.coord(d, py - 6);
                d.append('L');
                Markup.coord(d, px + 5.5);
                d.append(' ');
                Markup.coord(d, py + 4);
                d.append('L');
                Markup.coord(d, px - 5.5);
                d.append(' ');
                Markup.coord(d, py + 4);
                d.append('Z');
                svg.path(d, DISTINCT, 1.6, "#ffffff");
            }
        }
    }

    private int legendWidth() {
        double widest = 0;
        for (String meaning : legend.values()) {
            widest = Math.max(widest, Markup.textWidth(meaning, ChartFrame.SMALL_FONT));
        }
        return legend.isEmpty() ? 0 : (int) Math.min(240, Math.ceil(widest) + 36);
    }

    private void drawLegend(SvgDocument svg, ChartFrame frame) {
        double lx = frame.right() + 24;
        double ly = frame.top + 10;
        for (Map.Entry<MarkerStyle, String> entry : legend.entrySet()) {
            marker(svg, lx, ly, entry.getKey());
            svg.text(lx + 14, ly + 4, "start", ChartFrame.SMALL_FONT, SvgDocument.TEXT, 0, entry.getValue());
            ly += 20;
        }
    }
}
