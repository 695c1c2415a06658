package dev.tunescope.bench;

import dev.tunescope.io.LoadResult;
import dev.tunescope.io.RunDiscovery;
import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reading a folder of many runs on several threads against reading it on one: {@link RunLoader#load} of copies of
 * the shared fixture tree (14 real runs each), with the JVM warm and no run cache, so every run is parsed from its
 * files each time. The baseline is the same load with {@code -Dtunescope.threads=1}, measured in the same
 * process, interleaved round by round with the subject, so both see the same machine. The whole {@code diagnose}
 * command (reading through the run cache, finding the studies, diagnosing them, writing the text) is timed the
 * same way, and so is {@link ParallelCeiling}: what this machine's cores give work that needs no coordination.
 *
 * <p>Usage: {@code bench/run-parallel-read.sh [copies] [threads] [work-dir]}.
 */
public final class ParallelReadBenchmark {
    private static final String THREADS = "tunescope.threads";
    private static final int WARMUPS = 8;
    private static final int MEASURED = 9;

    private ParallelReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 72;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench/many");
        Path folder = ManyRunsBenchmark.write(work, copies);
        double[][] load = new double[2][MEASURED]; // [1 thread, threads][round]
        double[][] listing = new double[2][MEASURED];
        double[][] diagnose = new double[2][MEASURED];
        double[][] ceiling = new double[2][MEASURED];
        ParallelCeiling[] ceilings = {new ParallelCeiling(folder, 1), new ParallelCeiling(folder, threads)};
        long points = 0;
        for (int i = 0; i < WARMUPS + MEASURED; i++) {
            for (int turn = 0; turn < 2; turn++) {
                int parallel = (turn + i) % 2; // alternate which goes first, so neither always meets a fresh heap
                System.setProperty(THREADS, Integer.toString(parallel == 1 ? threads : 1));
                long start = System.nanoTime();
                RunDiscovery.find(folder, Integer.MAX_VALUE);
                long listed = System.nanoTime();
                LoadResult loaded = RunLoader.load(folder);
                long end = System.nanoTime();
                points = points(loaded);
                ManyRunsBenchmark.run("diagnose", folder);
                long diagnosed = System.nanoTime();
                double parsed = ceilings[parallel].seconds();
                if (i >= WARMUPS) {
                    ceiling[parallel][i - WARMUPS] = parsed;
                    diagnose[parallel][i - WARMUPS] = (diagnosed - end) / 1e9;
                    listing[parallel][i - WARMUPS] = (listed - start) / 1e9;
                    load[parallel][i - WARMUPS] = (end - listed) / 1e9;
                }
            }
        }
        double mine = Medians.of(load[1]);
        double floor = Medians.of(load[0]);
        System.out.printf(Locale.ROOT, "read %d runs (%d copies of the fixture tree, %,d points), JVM warm, no cache:"
                + " %d threads %.3f s, 1 thread %.3f s (medians of %d, interleaved); speed-up %.2f on %d cores%n",
                14 * copies, copies, points, threads, mine, floor, MEASURED, floor / mine,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "of which listing the folder: %d threads %.3f s, 1 thread %.3f s%n", threads,
                Medians.of(listing[1]), Medians.of(listing[0]));
        System.out.printf(Locale.ROOT, "tunescope diagnose of the folder, in this JVM (with the run cache the command"
                + " line uses): %d threads %.3f s, 1 thread %.3f s; speed-up %.2f%n", threads,
                Medians.of(diagnose[1]), Medians.of(diagnose[0]), Medians.of(diagnose[0]) / Medians.of(diagnose[1]));
        System.out.printf(Locale.ROOT, "ceiling, the folder's files parsed on threads that share nothing: %d threads"
                + " %.3f s, 1 thread %.3f s; speed-up %.2f%n", threads, Medians.of(ceiling[1]),
                Medians.of(ceiling[0]), Medians.of(ceiling[0]) / Medians.of(ceiling[1]));
    }

    private static long points(LoadResult loaded) {
        long points = 0;
        for (Run run : loaded.runs()) {
            points += run.scalars().values().stream().mapToLong(ScalarSeries::size).sum();
        }
        return points;
    }
}
