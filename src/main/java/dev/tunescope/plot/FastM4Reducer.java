package dev.tunescope.plot;

import dev.tunescope.run.ScalarSeries;

/**
 * The same reduction as {@link M4Reducer}, point for point (same points in the same order, same segment breaks, same
 * non-finite markers), but reading a {@link MinMaxPyramid} instead of every point, so that a frame costs about the
 * number of pixel columns, not of points.
 *
 * <p>Per pixel column, the column's index range is covered by the coarsest pyramid blocks that fit inside it, plus
 * an exact scan of the points at its edges that fill no whole base block (fewer than two base blocks). A block whose
 * values the y axis can all show is merged from its min and max alone. A block it can show none of (a NaN run, zeros
 * on a log axis) breaks the line at once, with a marker at its first point when it holds one non-finite kind only.
 * Any other block (a piece of line broken inside it) is split into its two halves, down to base blocks that are
 * scanned point by point, so breaks and markers stay exact at the cost of a few extra blocks per break.
 *
 * <p>Nothing is sampled: every value is accounted for by a block's min and max or by a scan. {@link M4Reducer}
 * stays the reference the property tests compare this against.
 */
public final class FastM4Reducer {

    private FastM4Reducer() {
    }

    /** Reduces the points the x scale shows, for a plot {@code width} pixels wide (see {@link M4Reducer#reduce}). */
    public static ReducedLine reduce(MinMaxPyramid pyramid, Scale x, Scale y, int width) {
        IndexRange range = M4Reducer.visibleIndices(pyramid.series(), x);
        return reduce(pyramid, range.from(), range.to(), x, y, width);
    }

    public static ReducedLine reduce(MinMaxPyramid pyramid, int fromIndex, int toIndex, Scale x, Scale y, int width) {
        ReducedLine out = new ReducedLine();
        reduceInto(pyramid, fromIndex, toIndex, x, y, width, out);
        return out;
    }

    /** Reduces points {@code [fromIndex, toIndex)} of the pyramid's series into {@code out}, exactly as
     *  {@link M4Reducer#reduceInto} does. */
    public static void reduceInto(MinMaxPyramid pyramid, int fromIndex, int toIndex, Scale x, Scale y, int width,
                                  ReducedLine out) {
        ScalarSeries series = pyramid.series();
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
        new Pass(pyramid, x, y, width, out).run(fromIndex, toIndex);
    }

    /** The state of one reduction; mirrors {@code M4Reducer.Pass} with a column scan that reads blocks. */
    private static final class Pass {
        private final MinMaxPyramid pyramid;
        private final ScalarSeries series;
        private final Scale x;
        private final Scale y;
        private final boolean logY;
        private final double left;
        private final int width;
        private final ReducedLine out;
        private final int baseShift;
        private final int levels;
        private final int[] markerColumn = {Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        private boolean pendingBreak = true; // the next point kept starts a segment
        // the unbroken piece of the current column so far (first < 0: none)
        private int column;
        private int first = -1;
        private int lowest;
        private int highest;
        private int last;
        private double low;
        private double high;

        Pass(MinMaxPyramid pyramid, Scale x, Scale y, int width, ReducedLine out) {
            this.pyramid = pyramid;
            this.series = pyramid.series();
            this.x = x;
            this.y = y;
            this.logY = y instanceof LogScale;
            this.left = x.pixelFrom();
            this.width = width;
            this.out = out;
            this.baseShift = pyramid.baseShift();
            this.levels = pyramid.levels();
        }

        void run(int from, int to) {
            int i = from;
            int length = 0; // points in the last column inside the plot: the guess for the next one's
            while (i < to) {
                int c = column(i);
                if (c >= width) { // right of the plot: only the line leaving it matters
                    keepIfShown(i);
                    return;
                }
                int end = endOfColumn(i, to, c, length);
                if (c < 0) { // left of the plot: only the line entering it matters
                    keepIfShown(end - 1);
                } else {
                    reduceColumn(i, end, c);
                    length = end - i;
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

        /**
         * The first index after {@code start} in a later column than {@code column}, or {@code to}: the same index
         * {@code M4Reducer} finds (columns never decrease with the index), found by galloping from a guess of the
         * column's length (columns of evenly spaced steps are about as long as the one before), so that a column
         * costs a few pixel computations on nearby steps rather than a search over its whole length.
         */
        private int endOfColumn(int start, int to, int column, int guessLength) {
            int lo = start; // column(lo) <= column
            int hi = to; // column(hi) > column, or hi == to
            int guess = start + guessLength;
            if (guessLength > 0 && guess > start && guess < to && column(guess) > column) {
                hi = guess; // gallop down from the guess
                for (int stride = 1; ; stride <<= 1) {
                    int probe = hi - stride;
                    if (probe <= lo) {
                        break;
                    }
                    if (column(probe) > column) {
                        hi = probe;
                    } else {
                        lo = probe;
                        break;
                    }
                }
            } else { // gallop up from the guess (or from the start)
                if (guessLength > 0 && guess > start && guess < to) {
                    lo = guess;
                }
                for (int stride = 1; ; stride <<= 1) {
                    int probe = lo + stride;
                    if (probe >= to || probe < 0) {
                        break;
                    }
                    if (column(probe) > column) {
                        hi = probe;
                        break;
                    }
                    lo = probe;
                }
            }
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (column(mid) > column) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            return hi;
        }

        /** Points {@code [from, end)}, all in column {@code c}: edges scanned, the middle read from blocks. */
        private void reduceColumn(int from, int end, int c) {
            column = c;
            first = -1;
            int base = 1 << baseShift;
            int p = (int) Math.min(end, ((long) from + base - 1) >>> baseShift << baseShift);
            scan(from, p);
            if (p < end) { // p is on a block boundary, and so is q, with p <= q <= end
                int q = end >>> baseShift << baseShift;
                while (p < q) {
                    int level = 0;
                    int block = p >>> baseShift;
                    while (level + 1 < levels && (block & 1) == 0 && p + ((long) base << (level + 1)) <= q) {
                        level++;
                        block >>>= 1;
                    }
                    block(level, block);
                    p += base << level;
                }
                scan(q, end);
            }
            endPiece();
        }

        /** Merges one block into the column, splitting it where the line breaks inside it. */
        private void block(int level, int block) {
            long[] blocks = pyramid.level(level);
            long meta = blocks[3 * block + 2];
            int flags = (int) (meta >>> MinMaxPyramid.FLAGS_SHIFT) & 7;
            boolean hasFinite = (meta & MinMaxPyramid.HAS_FINITE) != 0;
            double min = Double.longBitsToDouble(blocks[3 * block]);
            int start = block << baseShift << level;
            if (flags == 0 && (!logY || min > 0)) { // every point drawable
                double max = Double.longBitsToDouble(blocks[3 * block + 1]);
                int minIndex = start + (int) (meta & MinMaxPyramid.OFFSET_MASK);
                int maxIndex = start + (int) ((meta >>> MinMaxPyramid.OFFSET_BITS) & MinMaxPyramid.OFFSET_MASK);
                if (first < 0) {
                    first = start;
                    lowest = minIndex;
                    low = min;
                    highest = maxIndex;
                    high = max;
                } else {
                    if (min < low) {
                        lowest = minIndex;
                        low = min;
                    }
                    if (max > high) {
                        highest = maxIndex;
                        high = max;
                    }
                }
                last = start + (1 << baseShift << level) - 1;
                return;
            }
            boolean noneDrawable = !hasFinite || (logY && Double.longBitsToDouble(blocks[3 * block + 1]) <= 0);
            if (noneDrawable && (flags == 0 || (!hasFinite && Integer.bitCount(flags) == 1))) {
                // one kind of undrawable point only: a break, and a marker at the first point if non-finite
                endPiece();
                pendingBreak = true;
                if (flags != 0) {
                    mark(start, series.value(start));
                }
                return;
            }
            if (level == 0) {
                scan(start, start + (1 << baseShift));
            } else {
                block(level - 1, 2 * block);
                block(level - 1, 2 * block + 1);
            }
        }

        /** Points {@code [from, end)} one by one, as {@code M4Reducer} scans a column. */
        private void scan(int from, int end) {
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
                    endPiece();
                    pendingBreak = true;
                    if (v - v != 0) {
                        mark(j, v);
                    }
                }
            }
        }

        /** Keeps the current piece's points in step order, each once, and starts no piece. */
        private void endPiece() {
            if (first < 0) {
                return;
            }
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
            first = -1;
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

        private void mark(int index, double value) {
            NonFinite kind = NonFinite.of(value);
            if (markerColumn[kind.ordinal()] != column) {
                markerColumn[kind.ordinal()] = column;
                long step = series.step(index);
                out.addMarker(step, x.toPixel(step), kind);
            }
        }
    }
}
