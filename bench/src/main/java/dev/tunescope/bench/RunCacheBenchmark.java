package dev.tunescope.bench;

import dev.tunescope.io.RunCache;
import dev.tunescope.io.TensorBoardRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reopening a folder through the run cache, against reading it from its files, measured in the same run with the
 * JVM warm: the tensorboardX-shaped {@link BigEventFile} (2M scalars, 663 histograms). Each round reads the file
 * without a cache (the baseline), then through an emptied cache (the first open, which also writes the blocks and
 * the index), then through that cache again (the reopen); rounds are interleaved, medians reported.
 *
 * <p>Usage: {@code bench/run-cache.sh reopen [work-dir]}.
 */
public final class RunCacheBenchmark {

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/bench"));
        Path run = BigEventFile.write(work);
        RunCache cache = RunCache.at(work.resolve("run-cache"), 8L << 30);
        int warmups = 2;
        int rounds = 7;
        double[] fresh = new double[rounds];
        double[] firstOpen = new double[rounds];
        double[] reopen = new double[rounds];
        for (int i = 0; i < warmups + rounds; i++) {
            double f = time(run, RunCache.off(), false);
            cache.clear();
            double c = time(run, cache, false);
            double r = time(run, cache, true);
            if (i >= warmups) {
                fresh[i - warmups] = f;
                firstOpen[i - warmups] = c;
                reopen[i - warmups] = r;
            }
        }
        double baseline = Medians.of(fresh);
        System.out.printf("baseline, read from the file without a cache: %.3f s%n", baseline);
        System.out.printf("first open through the cache (writes blocks and index): %.3f s, ratio %.2f%n",
                Medians.of(firstOpen), Medians.of(ratios(firstOpen, fresh)));
        System.out.printf("reopen from the cache: %.4f s, ratio %.3f (target <= 0.10)%n", Medians.of(reopen),
                Medians.of(ratios(reopen, fresh)));
        System.out.printf("cache on disk: %,d bytes for %,d points%n", cache.sizeBytes(), BigEventFile.SCALARS);
    }

    private static double time(Path run, RunCache cache, boolean mustBeRestored) {
        long start = System.nanoTime();
        TensorBoardRunSource source = new TensorBoardRunSource(run, ".", cache);
        Run read = source.refresh();
        double seconds = (System.nanoTime() - start) / 1e9;
        long points = read.scalars().values().stream().mapToLong(ScalarSeries::size).sum();
        if (points != BigEventFile.SCALARS || !read.warnings().isEmpty()
                || source.restoredFromCache() != mustBeRestored) {
            throw new IllegalStateException("read " + points + " points, restored " + source.restoredFromCache()
                    + ", warnings " + read.warnings());
        }
        return seconds;
    }

    private static double[] ratios(double[] measured, double[] baseline) {
        double[] ratios = new double[measured.length];
        for (int i = 0; i < measured.length; i++) {
            ratios[i] = measured[i] / baseline[i];
        }
        return ratios;
    }
}
