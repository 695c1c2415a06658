package dev.tunescope.bench;

import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.LinearScale;
import dev.tunescope.plot.FastM4Reducer;
import dev.tunescope.plot.M4Reducer;
import dev.tunescope.plot.MinMaxPyramid;
import dev.tunescope.plot.ReducedLine;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.run.ScalarSeries;
import java.util.Arrays;
import java.util.Random;

/**
 * Time to reduce a long series to one chart width, as a chart does on every frame: the whole series, a zoomed-in
 * tenth, on a linear and a log y axis, reusing one output. Single-threaded. Each case runs twice: with
 * {@link M4Reducer}, scanning every visible point, and with {@link FastM4Reducer} reading a {@link MinMaxPyramid}
 * (whose build time and size are reported once); the two outputs are checked to be equal.
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
        System.out.printf("%-38s median %7.2f ms  (baseline: one pass reading every value, min and max)%n",
                "baseline, whole series", baseline);
        MinMaxPyramid pyramid = null;
        double[] buildMillis = new double[7];
        for (int i = -3; i < buildMillis.length; i++) {
            long start = System.nanoTime();
            pyramid = MinMaxPyramid.build(series);
            if (i >= 0) {
                buildMillis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(buildMillis);
        System.out.printf("%-38s median %7.2f ms, %,d bytes (%.2f a point), base block %d, %d levels%n",
                "pyramid build", buildMillis[buildMillis.length / 2], pyramid.retainedBytes(),
                pyramid.retainedBytes() / (double) points, pyramid.baseBlock(), pyramid.levels());
        ReducedLine check = new ReducedLine();
        for (ScaleType yType : ScaleType.values()) {
            Scale y = AxisRange.ofValues(yType, series).toScale(800, 0);
            Scale all = new LinearScale(0, points - 1, 0, width);
            Scale tenth = new LinearScale(points * 0.45, points * 0.55, 0, width);
            for (Scale x : new Scale[] {all, tenth}) {
                String what = (x == all ? "whole series, " : "middle tenth, ") + yType + " y";
                report(what + ", scan", series, null, x, y, width, check);
                report(what + ", pyramid", series, pyramid, x, y, width, out);
                if (!sameLine(check, out)) {
                    throw new AssertionError("the pyramid reducer differs from the scanning one: " + what);
                }
            }
        }
    }

    private static boolean sameLine(ReducedLine a, ReducedLine b) {
        if (a.size() != b.size() || a.segmentCount() != b.segmentCount() || a.markerCount() != b.markerCount()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.sourceIndex(i) != b.sourceIndex(i) || a.x(i) != b.x(i) || a.y(i) != b.y(i)) {
                return false;
            }
        }
        for (int s = 0; s < a.segmentCount(); s++) {
            if (a.segmentStart(s) != b.segmentStart(s)) {
                return false;
            }
        }
        for (int m = 0; m < a.markerCount(); m++) {
            if (a.markerStep(m) != b.markerStep(m) || a.markerKind(m) != b.markerKind(m)) {
                return false;
            }
        }
        return true;
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

    /** Times one reduction: scanning where {@code pyramid} is null, else through it. */
    private static void report(String what, ScalarSeries series, MinMaxPyramid pyramid, Scale x, Scale y, int width,
                               ReducedLine out) {
        int runs = 30;
        double[] millis = new double[runs];
        for (int i = -10; i < runs; i++) { // ten warm-up rounds
            long start = System.nanoTime();
            var range = M4Reducer.visibleIndices(series, x);
            if (pyramid == null) {
                M4Reducer.reduceInto(series, range.from(), range.to(), x, y, width, out);
            } else {
                FastM4Reducer.reduceInto(pyramid, range.from(), range.to(), x, y, width, out);
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        System.out.printf("%-38s median %7.3f ms, best %7.3f ms -> %,d points kept%n", what, millis[runs / 2],
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
