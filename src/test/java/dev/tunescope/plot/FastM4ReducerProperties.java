package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ScalarSeries;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The pyramid-backed reducer against the scanning one: the same points in the same order, the same segments and the
 * same markers, on the random series of {@link M4ReducerProperties} and on longer ones with long constant and
 * non-finite runs, for every base block size from 1 (a block per point) to 32.
 */
class FastM4ReducerProperties {
    private static final int[] BASE_BLOCKS = {1, 2, 4, 8, 16, 32};

    @Property(tries = 400)
    void sameLineAsTheScanningReducerOnShortSeries(@ForAll long seed,
                                                   @ForAll @IntRange(min = 1, max = 60) int width) {
        Random random = new Random(seed);
        M4ReducerProperties.Case c = M4ReducerProperties.Case.random(random, width);
        int baseBlock = BASE_BLOCKS[random.nextInt(BASE_BLOCKS.length)];
        check(c.series(), c.x(), c.y(), width, baseBlock, seed);
    }

    @Property(tries = 300)
    void sameLineAsTheScanningReducerOnLongSeriesWithRuns(@ForAll long seed,
                                                          @ForAll @IntRange(min = 1, max = 400) int width) {
        Random random = new Random(seed);
        boolean logY = random.nextInt(3) == 0;
        ScalarSeries series = withRuns(random, logY);
        int n = series.size();

        ScaleType xType = random.nextInt(5) == 0 ? ScaleType.LOG : ScaleType.LINEAR;
        AxisRange xRange = AxisRange.ofSteps(xType, series);
        int zoom = random.nextInt(4);
        if (zoom > 0 && n > 2) {
            double span = xRange.max() - xRange.min();
            // 1: inside the data, 2: past its left edge, 3: past its right edge
            double a = xRange.min() + random.nextDouble() * span * (zoom == 2 ? 0.5 : 1) - (zoom == 2 ? span / 3 : 0);
            double b = a + random.nextDouble() * span * (zoom == 3 ? 1.5 : 0.5);
            if (a < b && (xType == ScaleType.LINEAR || a > 0)) {
                xRange = new AxisRange(a, b, xType);
            }
        }
        double left = random.nextInt(3) * 3.25;
        Scale x = xRange.toScale(left, left + width);
        ScaleType yType = logY ? ScaleType.LOG : ScaleType.LINEAR;
        Scale y = AxisRange.ofValues(yType, series).toScale(300, 0);
        int baseBlock = BASE_BLOCKS[random.nextInt(BASE_BLOCKS.length)];
        check(series, x, y, width, baseBlock, seed);
    }

    @Property(tries = 100)
    void sameLineForEveryIndexRange(@ForAll long seed, @ForAll @IntRange(min = 1, max = 50) int width) {
        Random random = new Random(seed);
        ScalarSeries series = withRuns(random, false);
        int n = series.size();
        int from = n == 0 ? 0 : random.nextInt(n + 1);
        int to = from + (n - from == 0 ? 0 : random.nextInt(n - from + 1));
        Scale x = AxisRange.ofSteps(ScaleType.LINEAR, series).toScale(0, width);
        Scale y = AxisRange.ofValues(ScaleType.LINEAR, series).toScale(100, 0);
        MinMaxPyramid pyramid = MinMaxPyramid.build(series, BASE_BLOCKS[random.nextInt(BASE_BLOCKS.length)]);
        assertSameLine(FastM4Reducer.reduce(pyramid, from, to, x, y, width),
                M4Reducer.reduce(series, from, to, x, y, width), seed);
    }

    private static void check(ScalarSeries series, Scale x, Scale y, int width, int baseBlock, long seed) {
        MinMaxPyramid pyramid = MinMaxPyramid.build(series, baseBlock);
        assertSameLine(FastM4Reducer.reduce(pyramid, x, y, width), M4Reducer.reduce(series, x, y, width), seed);
        assertSameLine(FastM4Reducer.reduce(pyramid, 0, series.size(), x, y, width),
                M4Reducer.reduce(series, 0, series.size(), x, y, width), seed);
        // reusing an output gives the same as a fresh one
        ReducedLine reused = FastM4Reducer.reduce(pyramid, x, y, width);
        FastM4Reducer.reduceInto(pyramid, 0, series.size(), x, y, width, reused);
        assertSameLine(reused, M4Reducer.reduce(series, 0, series.size(), x, y, width), seed);
    }

    static void assertSameLine(ReducedLine actual, ReducedLine expected, long seed) {
        assertThat(actual.size()).as("points, seed %d", seed).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.sourceIndex(i)).as("point %d, seed %d", i, seed).isEqualTo(expected.sourceIndex(i));
            assertThat(actual.x(i)).as("x of point %d, seed %d", i, seed).isEqualTo(expected.x(i));
            assertThat(actual.y(i)).as("y of point %d, seed %d", i, seed).isEqualTo(expected.y(i));
        }
        assertThat(actual.segmentCount()).as("segments, seed %d", seed).isEqualTo(expected.segmentCount());
        for (int s = 0; s < expected.segmentCount(); s++) {
            assertThat(actual.segmentStart(s)).as("segment %d, seed %d", s, seed).isEqualTo(expected.segmentStart(s));
        }
        assertThat(actual.markerCount()).as("markers, seed %d", seed).isEqualTo(expected.markerCount());
        for (int m = 0; m < expected.markerCount(); m++) {
            assertThat(actual.markerStep(m)).as("marker %d, seed %d", m, seed).isEqualTo(expected.markerStep(m));
            assertThat(actual.markerX(m)).as("marker %d, seed %d", m, seed).isEqualTo(expected.markerX(m));
            assertThat(actual.markerKind(m)).as("marker %d, seed %d", m, seed).isEqualTo(expected.markerKind(m));
        }
    }

    /**
     * Up to 5,000 points in runs: random walks with spikes, constant runs (ties for min and max, 0.0 against -0.0),
     * long runs of one non-finite kind (whole blocks of NaN), runs mixing kinds, zeros and negatives (unshowable on
     * a log axis), and single non-finite points.
     */
    static ScalarSeries withRuns(Random random, boolean logY) {
        int n = switch (random.nextInt(6)) {
            case 0 -> random.nextInt(3);
            case 1 -> random.nextInt(40);
            default -> random.nextInt(5000);
        };
        long[] steps = new long[n];
        double[] values = new double[n];
        long step = random.nextInt(5);
        int maxGap = random.nextBoolean() ? 1 : 1 + random.nextInt(20);
        double walk = 0;
        int i = 0;
        while (i < n) {
            int run = Math.min(n - i, 1 + random.nextInt(random.nextBoolean() ? 8 : 300));
            int kind = random.nextInt(12);
            double constant = random.nextBoolean() ? walk : random.nextInt(3) - 1;
            for (int k = 0; k < run; k++, i++) {
                steps[i] = step;
                step += 1 + random.nextInt(maxGap);
                walk += random.nextGaussian() * 0.3;
                double v = logY ? Math.exp(walk) : walk;
                values[i] = switch (kind) {
                    case 0 -> Double.NaN;
                    case 1 -> Double.POSITIVE_INFINITY;
                    case 2 -> Double.NEGATIVE_INFINITY;
                    case 3 -> switch (random.nextInt(4)) { // mixed kinds
                        case 0 -> Double.NaN;
                        case 1 -> Double.POSITIVE_INFINITY;
                        case 2 -> Double.NEGATIVE_INFINITY;
                        default -> v;
                    };
                    case 4 -> constant;
                    case 5 -> random.nextBoolean() ? 0.0 : -0.0;
                    case 6 -> random.nextInt(20) == 0 ? v * (random.nextBoolean() ? 100 : -100) : v; // spikes
                    case 7 -> random.nextInt(30) == 0 ? Double.NaN : v; // lone NaNs
                    case 8 -> random.nextBoolean() ? -Math.abs(v) : v; // negatives among positives
                    default -> v;
                };
            }
        }
        return ScalarSeries.of("loss", steps, values);
    }
}
