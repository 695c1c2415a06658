package dev.tunescope.ui.chart;

import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;

/**
 * What part of the data a chart shows: the x (step) and y spans, each either the data's full range or one the user
 * zoomed to, and the zoom and pan math in pixels. Y may instead follow the data: {@link #fitYToVisible()} keeps y
 * fitted to the points inside the shown steps until the user zooms y, so a finding's evidence is shown filling the
 * plot even when its series arrive later. Pure arithmetic on {@link Scale}s, no toolkit; FX thread only.
 */
final class Viewport {
    private double xMin = Double.NaN; // NaN: the data's full range
    private double xMax = Double.NaN;
    private double yMin = Double.NaN;
    private double yMax = Double.NaN;
    private boolean fitY;

    /** The steps shown, given the data's full step range. */
    AxisRange x(AxisRange full) {
        return Double.isNaN(xMin) ? full : new AxisRange(xMin, xMax, ScaleType.LINEAR);
    }

    /** The values shown, given the data's full value range and the range of the points inside the shown steps. */
    AxisRange y(AxisRange full, java.util.function.Supplier<AxisRange> visible) {
        if (fitY) {
            return visible.get();
        }
        return Double.isNaN(yMin) ? full : new AxisRange(yMin, yMax, full.type());
    }

    boolean fitsY() {
        return fitY;
    }

    /** Shows everything again. */
    void reset() {
        xMin = xMax = yMin = yMax = Double.NaN;
        fitY = false;
    }

    /** Forgets the y zoom (a y zoom in one scale type means nothing in the other). */
    void resetY() {
        yMin = yMax = Double.NaN;
    }

    /** Shows steps {@code [from, to]}; a span under one step is widened to one. */
    void showSteps(double from, double to) {
        double low = Math.min(from, to);
        double high = Math.max(from, to);
        if (high - low < 1) {
            low -= 0.5;
            high += 0.5;
        }
        xMin = low;
        xMax = high;
    }

    /** From now on y fits the points inside the shown steps, until y is zoomed or the view reset. */
    void fitYToVisible() {
        fitY = true;
    }

    /** Zooms x and y by {@code factor} (below 1 zooms in), keeping the value under pixel (px, py) where it is. */
    void zoomAround(Scale x, Scale y, double px, double py, double factor) {
        double cx = x.toValue(px);
        setX(cx - (cx - x.min()) * factor, cx + (x.max() - cx) * factor);
        // zoom in pixel space so that a log axis zooms by decades
        double top = py - (py - y.pixelTo()) * factor;
        double bottom = py + (y.pixelFrom() - py) * factor;
        setY(y.toValue(bottom), y.toValue(top), y);
    }

    /** Moves the view by a mouse movement in pixels: the data follows the mouse. */
    void pan(Scale x, Scale y, double dx, double dy) {
        setX(x.toValue(x.pixelFrom() - dx), x.toValue(x.pixelTo() - dx));
        if (dy != 0) {
            setY(y.toValue(y.pixelFrom() - dy), y.toValue(y.pixelTo() - dy), y);
        }
    }

    /** Shows the rectangle between two pixel corners. */
    void zoomToRectangle(Scale x, Scale y, double x0, double y0, double x1, double y1) {
        setX(x.toValue(Math.min(x0, x1)), x.toValue(Math.max(x0, x1)));
        setY(y.toValue(Math.max(y0, y1)), y.toValue(Math.min(y0, y1)), y);
    }

    private void setX(double min, double max) {
        if (!(max - min >= 1e-3) || !Double.isFinite(min) || !Double.isFinite(max)) {
            return; // narrower than a thousandth of a step says nothing more
        }
        xMin = min;
        xMax = max;
    }

    private void setY(double min, double max, Scale current) {
        ScaleType type = current.type();
        try {
            new AxisRange(min, max, type);
        } catch (IllegalArgumentException e) {
            return; // zoomed past what doubles can tell apart: keep the view
        }
        yMin = min;
        yMax = max;
        fitY = false;
    }
}
