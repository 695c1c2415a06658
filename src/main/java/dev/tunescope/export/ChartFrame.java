package dev.tunescope.export;

import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.Tick;

/**
 * The plot rectangle of a chart and what surrounds it: title, gridlines, ticks with labels, axis labels. The
 * rectangle has whole-pixel edges so that M4's pixel columns are the image's pixel columns.
 */
final class ChartFrame {
    private static final int LEFT = 72;
    private static final int RIGHT = 20;
    private static final int BOTTOM = 48;
    static final double FONT = 12;
    static final double SMALL_FONT = 11;

    final int width;
    final int height;
    final int left;
    final int top;
    final int plotWidth;
    final int plotHeight;

    /**
     * @param extraRight pixels kept free right of the plot (a legend)
     * @param extraBottom pixels kept free below the axis label (notes)
     */
    ChartFrame(int width, int height, boolean hasTitle, int extraRight, int extraBottom) {
        this.width = width;
        this.height = height;
        this.left = LEFT;
        this.top = hasTitle ? 40 : 16;
        this.plotWidth = Math.max(40, width - LEFT - RIGHT - extraRight);
        this.plotHeight = Math.max(40, height - top - BOTTOM - extraBottom);
    }

    int right() {
        return left + plotWidth;
    }

    int bottom() {
        return top + plotHeight;
    }

    Scale xScale(AxisRange range) {
        return range.toScale(left, right());
    }

    Scale yScale(AxisRange range) {
        return range.toScale(bottom(), top);
    }

    /** Gridlines, the frame, ticks and their labels, title and axis labels. */
    void draw(SvgDocument svg, Scale x, Scale y, String title, String xLabel, String yLabel) {
        svg.beginGroup();
        for (Tick tick : x.ticks()) {
            double px = x.toPixel(tick.value());
            if (tick.major()) {
                svg.line(px, top, px, bottom(), SvgDocument.GRID, 1, null);
            }
        }
        for (Tick tick : y.ticks()) {
            double py = y.toPixel(tick.value());
            if (tick.major()) {
                svg.line(left, py, right(), py, SvgDocument.GRID, 1, null);
            }
        }
        svg.rect(left, top, plotWidth, plotHeight, "none", SvgDocument.AXIS);
        double lastLabelRight = Double.NEGATIVE_INFINITY;
        for (Tick tick : x.ticks()) {
            double px = x.toPixel(tick.value());
            svg.line(px, bottom(), px, bottom() + (tick.major() ? 5 : 3), SvgDocument.AXIS, 1, null);
            double half = Markup.textWidth(tick.label(), SMALL_FONT) / 2;
            if (tick.major() && px - half > lastLabelRight + 4) { // never two labels on top of each other
                svg.text(px, bottom() + 18, "middle", SMALL_FONT, SvgDocument.TEXT, 0, tick.label());
                lastLabelRight = px + half;
            }
        }
        double lastLabelTop = Double.POSITIVE_INFINITY;
        for (Tick tick : y.ticks()) {
            double py = y.toPixel(tick.value());
            svg.line(left - (tick.major() ? 5 : 3), py, left, py, SvgDocument.AXIS, 1, null);
            if (tick.major() && py + 5 < lastLabelTop - 2) {
                svg.text(left - 8, py + 4, "end", SMALL_FONT, SvgDocument.TEXT, 0, tick.label());
                lastLabelTop = py - 7;
            }
        }
        if (!title.isEmpty()) {
            svg.text(left + plotWidth / 2.0, 24, "middle", 15, SvgDocument.TEXT, 0, title);
        }
        if (!xLabel.isEmpty()) {
            svg.text(left + plotWidth / 2.0, bottom() + 38, "middle", FONT, SvgDocument.TEXT, 0, xLabel);
        }
        if (!yLabel.isEmpty()) {
            svg.text(18, top + plotHeight / 2.0, "middle", FONT, SvgDocument.TEXT, -90, yLabel);
        }
        svg.endGroup();
    }

    /** A dashed vertical line across the plot with a label at its top, kept inside the plot. */
    void verticalMarker(SvgDocument svg, double px, String label, String color) {
        verticalMarker(svg, px, label, color, 0);
    }

    /** The same, its label moved down by {@code row} lines so that the labels of nearby markers do not overlap. */
    void verticalMarker(SvgDocument svg, double px, String label, String color, int row) {
        if (!(px >= left && px <= right())) {
            return;
        }
        svg.line(px, top, px, bottom(), color, 1.5, "5 4");
        if (!label.isEmpty()) {
            boolean roomRight = px + 4 + Markup.textWidth(label, SMALL_FONT) <= right();
            svg.text(roomRight ? px + 4 : px - 4, top + 13 + 13 * row, roomRight ? "start" : "end", SMALL_FONT, color,
                    0, label);
        }
    }

    /** A dashed horizontal line across the plot with a label above its right end. */
    void horizontalMarker(SvgDocument svg, double py, String label, String color) {
        if (!(py >= top && py <= bottom())) {
            return;
        }
        svg.line(left, py, right(), py, color, 1.5, "7 4");
        if (!label.isEmpty()) {
            double ty = py - 4 < top + 12 ? py + 14 : py - 4;
            svg.text(right() - 4, ty, "end", SMALL_FONT, color, 0, label);
        }
    }
}
