package dev.tunescope.ui.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where the parallel coordinates' axes and lines lie on a canvas of a given size: axes evenly spaced between the
 * margins, a value's height by its place between the axis' ends (higher values higher), and which run's line a
 * pointer is on.
 */
public record ParallelLayout(ParallelCoordinatesModel.Plot plot, double width, double height) {
    public static final double LEFT = 60;
    public static final double RIGHT = 60;
    public static final double TOP = 44;
    public static final double BOTTOM = 36;
    /** How far from a line, in pixels, a pointer still counts as on it. */
    public static final double HIT_DISTANCE = 5;

    /** A point of a run's line. */
    public record Point(double x, double y) {
    }

    public double x(int axis) {
        int count = plot.axes().size();
        if (count <= 1) {
            return width / 2;
        }
        return LEFT + axis * (width - LEFT - RIGHT) / (count - 1);
    }

    public double top() {
        return TOP;
    }

    public double bottom() {
        return height - BOTTOM;
    }

    /** The height of {@code value} on axis {@code axis}; NaN for a missing value. */
    public double y(int axis, double value) {
        double t = plot.axes().get(axis).fraction(value);
        return bottom() - t * (bottom() - top());
    }

    /** The run's line, one point per axis it has a value on (its line skips the others). */
    public List<Point> line(RunRow row) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < plot.axes().size(); i++) {
            double y = y(i, plot.value(row, i));
            if (!Double.isNaN(y)) {
                points.add(new Point(x(i), y));
            }
        }
        return points;
    }

    /** The index of the run whose line passes nearest ({@link #HIT_DISTANCE} at most) to (x, y). */
    public OptionalInt hit(double x, double y) {
        int nearest = -1;
        double best = HIT_DISTANCE;
        for (int r = 0; r < plot.rows().size(); r++) {
            List<Point> points = line(plot.rows().get(r));
            for (int i = 0; i < points.size(); i++) {
                Point a = points.get(i);
                Point b = i + 1 < points.size() ? points.get(i + 1) : a;
                double d = distanceToSegment(x, y, a, b);
                if (d <= best) {
                    best = d;
                    nearest = r;
                }
            }
        }
        return nearest < 0 ? OptionalInt.empty() : OptionalInt.of(nearest);
    }

    static double distanceToSegment(double x, double y, Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x()) * dx + (y - a.y()) * dy) / length));
        return Math.hypot(x - (a.x() + t * dx), y - (a.y() + t * dy));
    }
}
