package dev.tunescope.plot;

import dev.tunescope.run.ScalarSeries;
import java.util.Arrays;

/**
 * A test rasterizer: lights every cell of a {@code width x height} grid that a polyline passes through. Segments
 * are clipped to the grid, then sampled at most half a pixel apart (so a segment never skips a row or column it
 * crosses); a segment of one point lights its cell. Cell {@code (c, r)} covers x pixels {@code [left + c, left + c
 * + 1)} and y pixels {@code [r, r + 1)}.
 */
final class PixelGrid {
    private final double left;
    private final int width;
    private final int height;
    private final boolean[] lit;

    PixelGrid(double left, int width, int height) {
        this.left = left;
        this.width = width;
        this.height = height;
        this.lit = new boolean[width * height];
    }

    /** Draws every point of the series, breaking the line where a point has no pixel. */
    void drawAll(ScalarSeries series, Scale x, Scale y) {
        double px = 0;
        double py = 0;
        int run = 0; // points in the current unbroken piece
        for (int i = 0; i < series.size(); i++) {
            double nx = x.toPixel(series.step(i));
            double ny = y.toPixel(series.value(i));
            if (!y.canShow(series.value(i)) || Double.isNaN(nx)) {
                if (run == 1) {
                    dot(px, py);
                }
                run = 0;
                continue;
            }
            if (run > 0) {
                segment(px, py, nx, ny);
            }
            run++;
            px = nx;
            py = ny;
        }
        if (run == 1) {
            dot(px, py);
        }
    }

    void draw(ReducedLine line) {
        for (int s = 0; s < line.segmentCount(); s++) {
            int start = line.segmentStart(s);
            int end = line.segmentEnd(s);
            if (end - start == 1) {
                dot(line.x(start), line.y(start));
            }
            for (int i = start + 1; i < end; i++) {
                segment(line.x(i - 1), line.y(i - 1), line.x(i), line.y(i));
            }
        }
    }

    private void dot(double x, double y) {
        light(x - left, y);
    }

    private void segment(double x1, double y1, double x2, double y2) {
        double ax = x1 - left;
        double bx = x2 - left;
        double[] clipped = clip(ax, y1, bx, y2);
        if (clipped == null) {
            return;
        }
        double cx1 = clipped[0];
        double cy1 = clipped[1];
        double cx2 = clipped[2];
        double cy2 = clipped[3];
        int samples = (int) Math.ceil(2 * Math.max(Math.abs(cx2 - cx1), Math.abs(cy2 - cy1))) + 1;
        for (int k = 0; k <= samples; k++) {
            double t = (double) k / samples;
            light(between(cx1 + t * (cx2 - cx1), cx1, cx2), between(cy1 + t * (cy2 - cy1), cy1, cy2));
        }
    }

    /** Liang-Barsky clipping to {@code [0, width] x [0, height]}; interpolated coordinates stay between the ends. */
    private double[] clip(double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double t0 = 0;
        double t1 = 1;
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {x1, width - x1, y1, height - y1};
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return null;
                }
            } else {
                double r = q[i] / p[i];
                if (p[i] < 0) {
                    t0 = Math.max(t0, r);
                } else {
                    t1 = Math.min(t1, r);
                }
            }
        }
        if (t0 > t1) {
            return null;
        }
        return new double[] {between(x1 + t0 * dx, x1, x2), between(y1 + t0 * dy, y1, y2),
            between(x1 + t1 * dx, x1, x2), between(y1 + t1 * dy, y1, y2)};
    }

    private static double between(double v, double a, double b) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), v));
    }

    private void light(double x, double y) {
        double cx = Math.floor(x);
        double cy = Math.floor(y);
        if (cx >= 0 && cx < width && cy >= 0 && cy < height) {
            lit[(int) cy * width + (int) cx] = true;
        }
    }

    int litCount() {
        int count = 0;
        for (boolean b : lit) {
            count += b ? 1 : 0;
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PixelGrid g && g.width == width && g.height == height && Arrays.equals(g.lit, lit);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(lit);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                out.append(lit[r * width + c] ? '#' : '.');
            }
            out.append('\n');
        }
        return out.toString();
    }
}
