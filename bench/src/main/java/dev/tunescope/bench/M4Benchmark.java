package dev.tunescope.bench;

import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.LinearScale;
import dev.tunescope.plot.M4Reducer;
import dev.tunescope.plot.ReducedLine;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.run.ScalarSeries;
import java.util.Arrays;
import java.util.Random;

/**
 * Time to reduce a long series to one chart width with {@link M4Reducer}, as a chart does on every frame: the whole
 * series, a zoomed-in tenth, on a linear and a log y axis, reusing one output. Single-threaded.
 *
 * <p>Usage: {@code bench/run-m4.sh [points] [width]}.
 */
public final class M4Benchmark {

    public static void main(String[] args) {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int width = args.length > 1 ? Integer.parseInt(args[1]) : 1600;
        ScalarSeries series = lossCurve(points);
        System.out.printf("%,d points, %d pixel columns%n", points, width);
        ReducedLine out = new ReducedLine();
        double baseline = baselineMillis(series);
        System.out.printf("%-28s median %7.2f ms  (baseline: one pass reading every value, min and max)%n",
                "baseline, whole series", baseline);
        for (ScaleType yType : ScaleType.values()) {
            Scale y = AxisRange.ofValues(yType, series).toScale(800, 0);
            Scale all = new LinearScale(0, points - 1, 0, width);
            Scale tenth = new LinearScale(points * 0.45, points * 0.55, 0, width);
            report("whole series, " + yType + " y", series, all, y, width, out);
            report("middle tenth, " + yType + " y", series, tenth, y, width, out);
        }
    }

    /** The floor of any full-fidelity reduction: touching every point once. */
    private static double baselineMillis(ScalarSeries series) {
        int runs = 30;
        double[] millis = new double[runs];
        double sink = 0;
        for (int i = -10; i < runs; i++) {
            long start = System.nanoTime();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int p = 0; p < series.size(); p++) {
                double v = series.value(p);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            sink += min + max;
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        baselineSink = sink;
        return millis[runs / 2];
    }

    /** Keeps the baseline's result alive so that the JIT cannot drop the loop. */
    static double baselineSink;

    private static void report(String what, ScalarSeries series, Scale x, Scale y, int width, ReducedLine out) {
        int runs = 30;
        double[] millis = new double[runs];
        for (int i = -10; i < runs; i++) { // ten warm-up rounds
            long start = System.nanoTime();
            var range = M4Reducer.visibleIndices(series, x);
            M4Reducer.reduceInto(series, range.from(), range.to(), x, y, width, out);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf("%-28s median %7.2f ms, best %7.2f ms -> %,d points kept%n", what, millis[runs / 2],
                millis[0], out.size());
    }

    /** A decaying loss with noise, spikes, and a NaN tail in the last 1% (a diverged run). */
    private static ScalarSeries lossCurve(int points) {
        Random random = new Random(42);
        long[] steps = new long[points];
        double[] values = new double[points];
        for (int i = 0; i < points; i++) {
            steps[i] = i;
            double v = 2.5 * Math.exp(-i / (points / 5.0)) + 0.1 + 0.05 * random.nextGaussian() * random.nextGaussian();
            if (random.nextInt(100_000) == 0) {
                v *= 20;
            }
            values[i] = i > points * 0.99 ? Double.NaN : Math.abs(v);
        }
        return ScalarSeries.of("train/loss", steps, values);
    }
}
