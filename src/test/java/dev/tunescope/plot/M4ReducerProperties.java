package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * M4 against the full polyline, on random series with spikes, NaN and infinite runs, zeros on log axes, steps
 * before and after the visible range, and y ranges narrower than the data.
 */
class M4ReducerProperties {
    private static final int HEIGHT = 40;

    @Property(tries = 400)
    void reducedLineLightsExactlyThePixelsOfTheFullLine(@ForAll long seed,
                                                        @ForAll @IntRange(min = 1, max = 60) int width) {
        Random random = new Random(seed);
        Case c = Case.random(random, width);

        ReducedLine visible = M4Reducer.reduce(c.series, c.x, c.y, width);
        ReducedLine everything = M4Reducer.reduce(c.series, 0, c.series.size(), c.x, c.y, width);

        PixelGrid full = new PixelGrid(c.x.pixelFrom(), width, HEIGHT);
        full.drawAll(c.series, c.x, c.y);
        for (ReducedLine line : List.of(visible, everything)) {
            PixelGrid reduced = new PixelGrid(c.x.pixelFrom(), width, HEIGHT);
            reduced.draw(line);
            assertThat(reduced).as("seed %d", seed).isEqualTo(full);
            checkColumns(c, line, width);
            checkShape(c, line, width);
        }
    }

    /** Each column keeps its first and last drawable point, a point at its lowest and highest value, and markers. */
    private static void checkColumns(Case c, ReducedLine line, int width) {
        Set<Integer> kept = new HashSet<>();
        for (int i = 0; i < line.size(); i++) {
            kept.add(line.sourceIndex(i));
        }
        Set<String> expectedMarkers = new HashSet<>();
        for (int column = 0; column < width; column++) {
            int first = -1;
            int last = -1;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            Set<NonFinite> kinds = new HashSet<>();
            for (int i = 0; i < c.series.size(); i++) {
                if (columnOf(c, i) != column) {
                    continue;
                }
                double v = c.series.value(i);
                NonFinite kind = NonFinite.of(v);
                if (kind != null && kinds.add(kind)) {
                    expectedMarkers.add(kind + "@" + c.series.step(i));
                }
                if (c.y.canShow(v)) {
                    first = first < 0 ? i : first;
                    last = i;
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            if (first < 0) {
                continue;
            }
            assertThat(kept).contains(first, last);
            double keptLow = Double.POSITIVE_INFINITY;
            double keptHigh = Double.NEGATIVE_INFINITY;
            for (int index : kept) {
                if (columnOf(c, index) == column) {
                    keptLow = Math.min(keptLow, c.series.value(index));
                    keptHigh = Math.max(keptHigh, c.series.value(index));
                }
            }
            assertThat(keptLow).isEqualTo(low);
            assertThat(keptHigh).isEqualTo(high);
        }
        Set<String> markers = new HashSet<>();
        for (int m = 0; m < line.markerCount(); m++) {
            markers.add(line.markerKind(m) + "@" + line.markerStep(m));
            assertThat(line.markerX(m)).isEqualTo(c.x.toPixel(line.markerStep(m)));
        }
        assertThat(markers).hasSize(line.markerCount()).isEqualTo(expectedMarkers);
    }

    /** Points in step order, at most four per column and unbroken piece (plus one each side of the plot). */
    private static void checkShape(Case c, ReducedLine line, int width) {
        for (int i = 1; i < line.size(); i++) {
            assertThat(line.sourceIndex(i)).isGreaterThan(line.sourceIndex(i - 1));
        }
        int breaks = 0;
        boolean inBreak = false;
        for (int i = 0; i < c.series.size(); i++) {
            boolean shown = c.y.canShow(c.series.value(i));
            breaks += !shown && !inBreak ? 1 : 0;
            inBreak = !shown;
        }
        assertThat(line.size()).isLessThanOrEqualTo(4 * (width + breaks) + 2);
        assertThat(line.segmentCount()).isLessThanOrEqualTo(breaks + 1);
        for (int s = 0; s < line.segmentCount(); s++) {
            assertThat(line.segmentEnd(s)).isGreaterThan(line.segmentStart(s));
        }
    }

    private static int columnOf(Case c, int index) {
        double px = Math.floor(c.x.toPixel(c.series.step(index)) - c.x.pixelFrom());
        return Double.isNaN(px) ? -1 : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, px));
    }

    record Case(ScalarSeries series, Scale x, Scale y) {

        static Case random(Random random, int width) {
            boolean logY = random.nextInt(3) == 0;
            boolean logX = random.nextInt(4) == 0;
            int n = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(600);
            long[] steps = new long[n];
            double[] values = new double[n];
            long step = random.nextInt(3);
            int maxGap = random.nextBoolean() ? 1 : 1 + random.nextInt(30);
            double walk = 0;
            int nanRun = 0;
            for (int i = 0; i < n; i++) {
                steps[i] = step;
                step += 1 + random.nextInt(maxGap);
                walk += random.nextGaussian() * 0.3;
                double v = logY ? Math.exp(walk) : walk;
                int roll = random.nextInt(100);
                if (nanRun > 0) {
                    nanRun--;
                    v = Double.NaN;
                } else if (roll < 3) {
                    v *= random.nextBoolean() ? 50 : -50; // a spike (negative: unshowable on a log axis)
                } else if (roll < 6) {
                    v = Double.NaN;
                } else if (roll < 8) {
                    v = Double.POSITIVE_INFINITY;
                } else if (roll < 9) {
                    v = Double.NEGATIVE_INFINITY;
                } else if (roll < 10) {
                    nanRun = random.nextInt(40);
                } else if (roll < 12 && logY) {
                    v = 0;
                }
                values[i] = v;
            }
            ScalarSeries series = ScalarSeries.of("loss", steps, values);

            ScaleType xType = logX ? ScaleType.LOG : ScaleType.LINEAR;
            AxisRange xRange = AxisRange.ofSteps(xType, series);
            if (random.nextBoolean() && n > 2) { // zoomed in: points on both sides of the plot
                double a = xRange.min() + random.nextDouble() * (xRange.max() - xRange.min());
                double b = xRange.min() + random.nextDouble() * (xRange.max() - xRange.min());
                if (Math.min(a, b) < Math.max(a, b) && (!logX || Math.min(a, b) > 0)) {
                    xRange = new AxisRange(Math.min(a, b), Math.max(a, b), xType);
                }
            }
            double left = random.nextInt(3) * 7.5; // columns need not start at pixel 0
            Scale x = xRange.toScale(left, left + width);

            ScaleType yType = logY ? ScaleType.LOG : ScaleType.LINEAR;
            AxisRange yRange = AxisRange.ofValues(yType, series);
            if (random.nextInt(4) == 0) { // a y range narrower than the data: spikes leave the plot
                double mid = logY ? Math.sqrt(yRange.min() * yRange.max()) : (yRange.min() + yRange.max()) / 2;
                yRange = logY ? new AxisRange(mid / 2, mid * 2, yType) : new AxisRange(mid - 0.5, mid + 0.5, yType);
            }
            Scale y = yRange.toScale(HEIGHT, 0);
            return new Case(series, x, y);
        }
    }

    @Property(tries = 50)
    void everyPointIsDrawnWhenThePlotIsWiderThanTheSeries(@ForAll long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(30);
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = 10L * i;
            values[i] = random.nextDouble();
        }
        ScalarSeries series = ScalarSeries.of("s", steps, values);
        Scale x = new LinearScale(0, Math.max(1, 10L * (n - 1)), 0, 10.0 * Math.max(1, n - 1));
        ReducedLine line = M4Reducer.reduce(series, x, new LinearScale(0, 1, 100, 0), 10 * Math.max(1, n - 1) + 1);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < line.size(); i++) {
            indices.add(line.sourceIndex(i));
        }
        assertThat(indices).hasSize(n).isSorted();
    }
}
