package dev.tunescope.bench;

import dev.tunescope.io.RunLoader;
import dev.tunescope.io.TunescopeRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.ScalarSeriesBuilder;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.RunCopies;
import dev.tunescope.testing.TinyRuns;
import dev.tunescope.testing.WideRuns;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The memory budget of series storage, measured as heap after a full collection with the data held minus the heap
 * after it was let go. Each figure comes with a baseline measured in the same run, subject and baseline
 * interleaved, medians of three: the same points in bare primitive arrays ({@code long} step, {@code double}
 * value, {@code float} wall time where the format logs one: 20 bytes a point, what the storage before the compact
 * blocks held), and for the big file's load, what its run retains once read (the peak should stay within 1.3x).
 *
 * <p>Usage: {@code bench/run-memory.sh}, which calls {@code MemoryBenchmark folders WORK} or
 * {@code MemoryBenchmark heap WORK}; both write the folders the command-line figures read, once.
 */
public final class MemoryBenchmark {
    private static final int REPEATS = 3;
    private static final int POINTS = 4_000_000;
    private static final int RUNS = 10_000;
    private static final int TINY_RUNS = 100_000;

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench/memory"));
        switch (args.length > 0 ? args[0] : "heap") {
            case "folders" -> writeFolders(work);
            case "heap" -> {
                writeFolders(work);
                measureHeap(work);
            }
            case "big" -> bigFile(BigEventFile.write(work)); // the big file's figures alone
            default -> throw new IllegalArgumentException("usage: MemoryBenchmark folders|heap|big [work-dir]");
        }
    }

    private interface Work {
        Object make() throws IOException;
    }

    private static void measureHeap(Path work) throws IOException {
        System.out.printf(Locale.ROOT, "%-64s %11s %11s %7s%n", "heap retained, bytes (median of 3)", "Tunescope",
                "baseline", "ratio");

        bigFile(BigEventFile.write(work));
        compare("per point, one series of 4,000,000 points with wall times", () -> oneLongSeries(POINTS), POINTS,
                "bare arrays", () -> bareColumns(1, POINTS, true), POINTS);

        Path wide = work.resolve("wide/jsonl");
        Work wideRun = () -> RunLoader.loadAll(wide);
        Work wideKept = () -> {
            TunescopeRunSource source = new TunescopeRunSource(wide, "jsonl");
            return List.of(source, source.refresh()); // what the app holds: the run and its source, for refreshes
        };
        compare("per series, a run of 50,000 one-point series", wideRun, WideRuns.TAGS,
                "bare arrays", () -> bareColumns(WideRuns.TAGS, 1, false), WideRuns.TAGS);
        compare("per series, the same with its source kept open (the app)", wideKept, WideRuns.TAGS,
                "bare arrays", () -> bareColumns(WideRuns.TAGS, 1, false), WideRuns.TAGS);

        perRun(work.resolve("lightning-10k"), "run_00000", RUNS,
                "per run, 10,000 copies of the Lightning fixture run");
        perRun(work.resolve("tensorboardx-10k"), "run_00000", RUNS,
                "per run, 10,000 copies of a tensorboardX fixture run");
        perRun(work.resolve("tiny-100k"), "g000/run_000000", TINY_RUNS, "per run, 100,000 runs of two points");
    }

    /**
     * The big tensorboardX-like file: what its run retains a scalar point (histograms included) against the same
     * points and histograms in bare arrays (the previous storage's 20 bytes a point), and the most live heap while
     * it is read against what the run retains once read, subject and baseline interleaved, medians.
     */
    private static void bigFile(Path folder) throws IOException {
        Run sample = RunLoader.loadAll(folder).get(0);
        long points = sample.scalars().values().stream().mapToLong(ScalarSeries::size).sum();
        Work bare = barePointsOf(sample, 1);
        sample = null;
        double[] retained = new double[REPEATS];
        double[] peaks = new double[REPEATS];
        double[] baselines = new double[REPEATS];
        int samples = 0;
        for (int i = 0; i < REPEATS; i++) {
            long before = usedAfterGc();
            Run run;
            long peak;
            try (PeakHeap heap = PeakHeap.start()) {
                run = RunLoader.loadAll(folder).get(0);
                heap.close();
                peak = heap.peak();
                samples += heap.samples();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            long held = usedAfterGc();
            Reference.reachabilityFence(run);
            run = null;
            retained[i] = (held - before) / (double) points;
            peaks[i] = (peak - before) / (double) points;
            baselines[i] = retained(bare) / (double) points;
        }
        double mine = Medians.of(retained);
        double floor = Medians.of(baselines);
        double peak = Medians.of(peaks);
        System.out.printf(Locale.ROOT, "%-64s %11.2f %11.2f %7.3f   baseline: %s%n",
                "per point, a tensorboardX-like file of " + String.format(Locale.ROOT, "%,d", points) + " scalars",
                mine, floor, mine / floor, "bare arrays (long, double, float)");
        System.out.printf(Locale.ROOT, "%-64s %11.2f %11.2f %7.3f   baseline: %s%n",
                "  peak live heap while it is read, per point", peak, mine, peak / mine,
                "what the run retains once read (" + samples / REPEATS + " samples a load)");
        Run run = RunLoader.loadAll(folder).get(0);
        run.scalars().values().stream().limit(1).forEach(s -> System.out.printf(Locale.ROOT,
                "  (each series stored as %s)%n", s.layout()));
    }

    /** The scalar columns and histogram arrays of {@code run} in bare arrays, {@code runs} times. */
    private static Work barePointsOf(Run one, int runs) {
        List<ScalarSeries> series = List.copyOf(one.scalars().values());
        List<Integer> buckets = one.histograms().values().stream().flatMap(h -> h.points().stream())
                .map(point -> point.histogram().bucketCount()).toList();
        return () -> {
            List<Object> all = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                List<Object> run = new ArrayList<>();
                series.forEach(s -> run.add(bareColumns(1, s.size(), s.hasWallTimes())));
                buckets.forEach(n -> run.add(List.of(new double[n], new double[n])));
                all.add(run);
            }
            return all;
        };
    }

    /**
     * A folder of {@code runs} runs like {@code first}, against that run's points in bare arrays as many times:
     * its scalar columns, and for each histogram its bucket limits and counts.
     */
    private static void perRun(Path folder, String first, int runs, String what) throws IOException {
        Run one = RunLoader.loadAll(folder.resolve(first)).get(0);
        List<ScalarSeries> series = List.copyOf(one.scalars().values());
        List<Integer> buckets = one.histograms().values().stream().flatMap(h -> h.points().stream())
                .map(point -> point.histogram().bucketCount()).toList();
        compare(what, () -> RunLoader.loadAll(folder), runs, "bare arrays of its points", barePointsOf(one, runs),
                runs);
        System.out.printf(Locale.ROOT, "  (%d scalar points and %d histograms of %d buckets in all a run)%n",
                series.stream().mapToLong(ScalarSeries::size).sum(), buckets.size(),
                buckets.stream().mapToInt(Integer::intValue).sum());
    }

    private static void compare(String what, Work subject, long subjectUnits, String baselineName, Work baseline,
                                long baselineUnits) throws IOException {
        double[] subjects = new double[REPEATS];
        double[] baselines = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            subjects[i] = retained(subject) / (double) subjectUnits;
            baselines[i] = retained(baseline) / (double) baselineUnits;
        }
        double mine = Medians.of(subjects);
        double floor = Medians.of(baselines);
        System.out.printf(Locale.ROOT, "%-64s %11.1f %11.1f %7.3f   baseline: %s%n", what, mine, floor, mine / floor,
                baselineName);
    }

    private static long retained(Work work) throws IOException {
        long before = usedAfterGc();
        Object held = work.make();
        long with = usedAfterGc();
        Reference.reachabilityFence(held);
        return with - before;
    }

    /** A series as a reader leaves it: built, the builder gone. */
    private static ScalarSeries oneLongSeries(int points) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("train/loss");
        for (int step = 0; step < points; step++) {
            builder.add(step, 1.0 / (step + 1), 1_700_000_000.0 + step * 0.05);
        }
        return builder.build();
    }

    /** {@code series} sets of bare columns of {@code points} each, with a wall-time column or not. */
    private static Object bareColumns(int series, int points, boolean wallTimes) {
        List<Object> columns = new ArrayList<>(3 * series);
        for (int s = 0; s < series; s++) {
            long[] steps = new long[points];
            double[] values = new double[points];
            for (int i = 0; i < points; i++) {
                steps[i] = i;
                values[i] = i;
            }
            columns.add(steps);
            columns.add(values);
            if (wallTimes) {
                float[] walls = new float[points];
                Arrays.fill(walls, 1f);
                columns.add(walls);
            }
        }
        return columns;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }


    /**
     * The folders the command-line figures read (written once, kept between runs): 10,000 copies of the real
     * Lightning fixture run and of a real tensorboardX fixture run, 100,000 runs of 2 points, the three runs of
     * 50,000 tags, and one copy of the Lightning run alone (the command line's baseline).
     */
    private static void writeFolders(Path work) throws IOException {
        Path lightning = Fixtures.resolve("lightning_csv/lightning_logs/version_0");
        copies(lightning, work.resolve("lightning-1"), 1);
        copies(lightning, work.resolve("lightning-10k"), RUNS);
        copies(Fixtures.resolve("tb/mlp_lr_sweep/lr_1.00e-01"), work.resolve("tensorboardx-10k"), RUNS);
        Path tiny = work.resolve("tiny-100k");
        if (!Files.exists(tiny.resolve("done"))) {
            TinyRuns.write(tiny, TINY_RUNS);
            Files.writeString(tiny.resolve("done"), "");
        }
        Path wide = work.resolve("wide");
        if (!Files.exists(wide.resolve("done"))) {
            WideRuns.jsonLines(wide.resolve("jsonl"));
            WideRuns.eventFile(wide.resolve("tensorboard"));
            WideRuns.lightningCsv(wide.resolve("lightning"));
            Files.writeString(wide.resolve("done"), "");
        }
    }

    private static void copies(Path run, Path folder, int count) throws IOException {
        if (Files.exists(folder.resolve("done"))) {
            return;
        }
        for (int i = 0; i < count; i++) {
            Path copy = folder.resolve(String.format(Locale.ROOT, "run_%05d", i));
            if (!Files.exists(copy)) {
                RunCopies.copy(run, copy);
            }
        }
        Files.writeString(folder.resolve("done"), "");
    }
}
