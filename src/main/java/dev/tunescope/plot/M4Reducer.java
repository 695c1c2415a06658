package dev.tunescope.plot;

import dev.tunescope.run.ScalarSeries;

/**
 * Reduces a series to what a plot of a given pixel width can show, without losing a pixel: for every pixel column
 * it keeps the first, the lowest, the highest and the last point (M4, Jugel et al., VLDB 2014). Drawn at that width,
 * the reduced polyline lights exactly the pixels the full one does, so a single spike among millions of points
 * stays visible; nothing is sampled.
 *
 * <p>Values the y axis cannot show (NaN, ±Infinity, and on a log axis zero and negatives) break the line: the
 * points on either side are not joined, and within a column each unbroken piece keeps its own four points. NaN and
 * infinite values are reported as markers, one per kind and column at the first step it occurs there, so a plot
 * can show where a run diverged.
 *
 * <p>Points left of the plot keep only the last one (the line entering the plot), points right of it only the
 * first. Cost: one pass over the values in range, comparing doubles; pixel positions are computed only for column
 * boundaries (found by galloping search, as steps are sorted) and for the points kept. A 5M-point series reduces
 * to 1,600 columns in about 20 ms on one core, a tenth of it zoomed in in about 1.5 ms ({@code bench/run-m4.sh}).
 */
public final class M4Reducer {

    private M4Reducer() {
    }

    /** The series' points whose steps the x scale's domain shows, plus one neighbour on each side. */
    public static IndexRange visibleIndices(ScalarSeries series, Scale x) {
        return visibleIndices(series, x.min(), x.max());
    }

    /** The points with steps in {@code [fromStep, toStep]}, plus one neighbour on each side (found by binary search). */
    public static IndexRange visibleIndices(ScalarSeries series, double fromStep, double toStep) {
        int from = Math.max(0, series.indexAtOrAfter(ceilStep(fromStep)) - 1);
        long afterLast = toStep >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.floor(toStep) + 1;
        int to = Math.min(series.size(), series.indexAtOrAfter(afterLast) + 1);
        return new IndexRange(from, Math.max(from, to));
    }

    /** Reduces the points the x scale shows, for a plot {@code width} pixels wide starting at the x scale's left pixel. */
    public static ReducedLine reduce(ScalarSeries series, Scale x, Scale y, int width) {
        IndexRange range = visibleIndices(series, x);
        return reduce(series, range.from(), range.to(), x, y, width);
    }

    public static ReducedLine reduce(ScalarSeries series, int fromIndex, int toIndex, Scale x, Scale y, int width) {
        ReducedLine out = new ReducedLine();
        reduceInto(series, fromIndex, toIndex, x, y, width, out);
        return out;
    }

    /**
     * Reduces points {@code [fromIndex, toIndex)} into {@code out} (cleared first). Pixel column {@code c} holds the
     * x pixels {@code [left + c, left + c + 1)}, where {@code left} is the x scale's smaller pixel.
     *
     * @param x maps steps to pixels; must grow left to right
     * @param y maps values to pixels; the y coordinates written are its pixels
     */
    public static void reduceInto(ScalarSeries series, int fromIndex, int toIndex, Scale x, Scale y, int width,
                                  ReducedLine out) {
        if (fromIndex < 0 || toIndex > series.size() || fromIndex > toIndex) {
            throw new IndexOutOfBoundsException("[" + fromIndex + ", " + toIndex + ") of " + series.size());
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least one pixel, got " + width);
        }
        if (!(x.pixelTo() > x.pixelFrom())) {
            throw new IllegalArgumentException("the x scale must grow left to right");
        }
        out.clear();
        new Pass(series, x, y, width, out).run(fromIndex, toIndex);
    }

    private static long ceilStep(double step) {
        if (step <= Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        return step >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(step);
    }

    /** The state of one reduction. */
    private static final class Pass {
        private final ScalarSeries series;
        private final Scale x;
        private final Scale y;
        private final boolean logY;
        private final double left;
        private final int width;
        private final ReducedLine out;
        private final int[] markerColumn = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        private boolean pendingBreak = true; // the next point kept starts a segment

        Pass(ScalarSeries series, Scale x, Scale y, int width, ReducedLine out) {
            this.series = series;
            this.x = x;
            this.y = y;
            this.logY = y instanceof LogScale;
            this.left = x.pixelFrom();
            this.width = width;
            this.out = out;
        }

        void run(int from, int to) {
            int i = from;
            while (i < to) {
                int column = column(i);
                if (column >= width) { // right of the plot: only the line leaving it matters
                    keepIfShown(i);
                    return;
                }
                int end = endOfColumn(i, to, column);
                if (column < 0) { // left of the plot: only the line entering it matters
                    keepIfShown(end - 1);
                } else {
                    scan(i, end, column);
                }
                i = end;
            }
        }

        /** The column of a point: -1 left of the plot (or at no pixel, a step <= 0 on a log axis), width right of it. */
        private int column(int index) {
            double px = x.toPixel(series.step(index)) - left;
            if (!(px >= 0)) {
                return -1;
            }
            return px >= width ? width : (int) px;
        }

        /** The first index after {@code start} in a later column than {@code column}, or {@code to}. */
        private int endOfColumn(int start, int to, int column) {
            int low = start; // in the column
            int high;
            int stride = 1;
            while (true) {
                int probe = low + stride;
                if (probe >= to || probe < 0) {
                    high = to;
                    break;
                }
                if (column(probe) > column) {
                    high = probe;
                    break;
                }
                low = probe;
                stride <<= 1;
            }
            while (high - low > 1) {
                int mid = (low + high) >>> 1;
                if (column(mid) > column) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
            return high;
        }

        private void scan(int from, int end, int column) {
            int first = -1;
            int lowest = -1;
            int highest = -1;
            int last = -1;
            double low = 0;
            double high = 0;
            for (int j = from; j < end; j++) {
                double v = series.value(j);
                if (logY ? v > 0 && v < Double.POSITIVE_INFINITY : v - v == 0) {
                    if (first < 0) {
                        first = lowest = highest = j;
                        low = high = v;
                    } else if (v < low) {
                        lowest = j;
                        low = v;
                    } else if (v > high) {
                        highest = j;
                        high = v;
                    }
                    last = j;
                } else {
                    if (first >= 0) {
                        keep(first, lowest, highest, last);
                        first = -1;
                    }
                    pendingBreak = true;
                    if (v - v != 0) {
                        mark(j, v, column);
                    }
                }
            }
            if (first >= 0) {
                keep(first, lowest, highest, last);
            }
        }

        /** Keeps a piece's points in step order, each once. */
        private void keep(int first, int lowest, int highest, int last) {
            int a = Math.min(lowest, highest);
            int b = Math.max(lowest, highest);
            keep(first);
            if (a != first) {
                keep(a);
            }
            if (b != a) {
                keep(b);
            }
            if (last != b) {
                keep(last);
            }
        }

        private void keepIfShown(int index) {
            if (y.canShow(series.value(index)) && !Double.isNaN(x.toPixel(series.step(index)))) {
                keep(index);
            } else {
                pendingBreak = true;
            }
        }

        private void keep(int index) {
            if (pendingBreak) {
                out.startSegment();
                pendingBreak = false;
            }
            out.add(x.toPixel(series.step(index)), y.toPixel(series.value(index)), index);
        }

        private void mark(int index, double value, int column) {
            NonFinite kind = NonFinite.of(value);
            if (markerColumn[kind.ordinal()] != column) {
                markerColumn[kind.ordinal()] = column;
                long step = series.step(index);
                out.addMarker(step, x.toPixel(step), kind);
            }
        }
    }
}
