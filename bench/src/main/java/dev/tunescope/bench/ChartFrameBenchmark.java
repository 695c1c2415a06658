package dev.tunescope.bench;

import dev.tunescope.plot.IndexRange;
import dev.tunescope.plot.FastM4Reducer;
import dev.tunescope.plot.M4Reducer;
import dev.tunescope.plot.MinMaxPyramid;
import dev.tunescope.plot.ReducedLine;
import dev.tunescope.plot.Scale;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.ui.chart.LineChartCanvas;
import dev.tunescope.ui.chart.NamedSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Time of one full frame of {@link LineChartCanvas} while panning: many long series in a large chart, the x range
 * shifted every frame, as a user dragging the plot does. Runs headless under Monocle with the software pipeline
 * (the system properties are set by {@code bench/run-chart-frame.sh}).
 *
 * <p>Reported per frame, median and p95 over the measured frames:
 * <ul>
 *   <li>draw: the FX thread's work, {@link LineChartCanvas#redrawNow()} (M4 reduction of every series plus the
 *       canvas commands for axes, lines, legend);</li>
 *   <li>draw + raster: draw, then a snapshot of the canvas, which makes the renderer rasterize the commands
 *       (and reads the 1600x900 pixels back, which a screen frame does not);</li>
 *   <li>M4 scan only: the baseline, reducing the same visible data at the same width without drawing, with
 *       {@link M4Reducer} scanning every visible point (what the chart did before it had pyramids);</li>
 *   <li>M4 pyramid only: the same with {@link FastM4Reducer}, as the chart now does.</li>
 * </ul>
 *
 * <p>Usage: {@code bench/run-chart-frame.sh [series] [points] [frames]}.
 */
public final class ChartFrameBenchmark {
    private static final int WIDTH = 1600;
    private static final int HEIGHT = 900;
    private static final int WARMUP = 15;

    public static void main(String[] args) throws Exception {
        int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 5_000_000;
        int frames = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        List<NamedSeries> series = new ArrayList<>();
        for (int s = 0; s < seriesCount; s++) {
            series.add(new NamedSeries("run " + s + " loss", lossCurve(points, s)));
        }
        System.out.printf("%d series x %,d points, %dx%d chart, %d frames after %d warm-up%n", seriesCount, points,
                WIDTH, HEIGHT, frames, WARMUP);

        List<MinMaxPyramid> pyramids = series.stream().map(s -> MinMaxPyramid.build(s.series())).toList();
        Platform.startup(() -> { });
        LineChartCanvas chart = onFx(() -> {
            LineChartCanvas c = new LineChartCanvas();
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(c), WIDTH, HEIGHT));
            stage.show();
            c.setSeries(series);
            return c;
        });
        Thread.sleep(200); // let the first layout happen

        for (double fraction : new double[] {1.0, 0.5, 0.1}) {
            run(chart, series, pyramids, points, fraction, frames);
        }
        Platform.exit();
    }

    /** Pans a window of {@code fraction} of the steps across the data, 0.5% of the window a frame. */
    private static void run(LineChartCanvas chart, List<NamedSeries> series, List<MinMaxPyramid> pyramids, int points,
                            double fraction, int frames) throws Exception {
        long span = (long) (points * fraction);
        long shift = Math.max(1, span / 200);
        double[] draw = new double[frames];
        double[] drawRaster = new double[frames];
        double[] m4 = new double[frames];
        double[] fast = new double[frames];
        ReducedLine[] lines = new ReducedLine[series.size()];
        Arrays.setAll(lines, i -> new ReducedLine());
        WritableImage image = new WritableImage(WIDTH, HEIGHT);
        for (int f = -WARMUP; f < frames; f++) {
            long from = fraction >= 1 ? 0 : (points - span) / 4 + (f + WARMUP) * shift;
            long to = from + span;
            double[] times = onFx(() -> {
                chart.zoomTo(from, to);
                long t0 = System.nanoTime();
                chart.redrawNow();
                long t1 = System.nanoTime();
                chart.canvas().snapshot(null, image);
                long t2 = System.nanoTime();
                Scale x = chart.xScale();
                Scale y = chart.yScale();
                int columns = (int) chart.plotArea().getWidth();
                long t3 = System.nanoTime();
                for (int s = 0; s < series.size(); s++) {
                    ScalarSeries one = series.get(s).series();
                    IndexRange range = M4Reducer.visibleIndices(one, x);
                    M4Reducer.reduceInto(one, range.from(), range.to(), x, y, columns, lines[s]);
                }
                long t4 = System.nanoTime();
                for (int s = 0; s < series.size(); s++) {
                    IndexRange range = M4Reducer.visibleIndices(series.get(s).series(), x);
                    FastM4Reducer.reduceInto(pyramids.get(s), range.from(), range.to(), x, y, columns, lines[s]);
                }
                long t5 = System.nanoTime();
                return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6};
            });
            if (f >= 0) {
                draw[f] = times[0];
                drawRaster[f] = times[1];
                m4[f] = times[2];
                fast[f] = times[3];
            }
        }
        System.out.printf("visible %3.0f%% of the steps (%,d per series), panning:%n", fraction * 100, span);
        report("  draw (FX thread)", draw);
        report("  draw + raster (snapshot)", drawRaster);
        report("  M4 scan only, same data", m4);
        report("  M4 pyramid only, same data", fast);
        System.out.printf("  pyramid M4 share of the FX-thread draw: %.0f%%%n", 100 * Medians.of(fast) / Medians.of(draw));
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double p95 = sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.95) - 1)];
        System.out.printf("%-30s median %7.2f ms, p95 %7.2f ms%n", what, Medians.of(millis), p95);
    }


    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }

    /** A decaying loss with noise and rare spikes, different per seed. */
    private static ScalarSeries lossCurve(int points, int seed) {
        Random random = new Random(seed);
        long[] steps = new long[points];
        double[] values = new double[points];
        double scale = 1 + seed * 0.2;
        for (int i = 0; i < points; i++) {
            steps[i] = i;
            double v = scale * Math.exp(-i / (points / 5.0)) + 0.1 + 0.05 * random.nextGaussian();
            if (random.nextInt(100_000) == 0) {
                v *= 20;
            }
            values[i] = Math.abs(v);
        }
        return ScalarSeries.of("loss " + seed, steps, values);
    }
}
