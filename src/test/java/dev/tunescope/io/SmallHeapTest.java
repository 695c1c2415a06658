package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.LoadFolder;
import dev.tunescope.testing.RunCopies;
import dev.tunescope.testing.SmallHeapJvm;
import dev.tunescope.testing.TinyRuns;
import dev.tunescope.testing.WideRuns;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders read in a child JVM with a small heap, as the command line reads them: memory follows the points a
 * folder holds, a folder too large for the heap gives the runs that fit and names the rest, and one log too large
 * for the heap gives what fits of it.
 */
class SmallHeapTest {
    @TempDir
    Path root;

    /** Each of these once ran out of a 6 GB heap: 50,000 tags a run reserved 8 GB of point blocks. */
    @Test
    void runsOfFiftyThousandTagsInEachFormatOpenUnder256Megabytes() throws Exception {
        WideRuns.jsonLines(root.resolve("jsonl"));
        WideRuns.eventFile(root.resolve("tensorboard"));
        WideRuns.lightningCsv(root.resolve("lightning"));

        SmallHeapJvm.Result read = SmallHeapJvm.run("256m", LoadFolder.class, root.toString());

        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(read.lines()).containsExactly("warning jsonl/run.json: is missing, so the run's status is unknown"
                + " and its name and hyperparameters come from its folder name",
                "runs 3", "series 150000", "points 150000", "warnings 1");
    }

    /** 3,000 copies of the real Lightning fixture run hold about 28 MB; a 32 MB heap keeps 16 MB for runs. */
    @Test
    void aFolderTooLargeForTheHeapGivesTheRunsThatFitAndNamesTheRest() throws Exception {
        Path lightning = Fixtures.resolve("lightning_csv/lightning_logs/version_0");
        for (int i = 0; i < 3000; i++) {
            RunCopies.copy(lightning, root.resolve(String.format(Locale.ROOT, "run_%04d", i)));
        }

        SmallHeapJvm.Result read = SmallHeapJvm.run("32m", LoadFolder.class, root.toString());

        assertThat(read.exitCode()).as(read.output()).isZero();
        int runs = Integer.parseInt(read.lines().get(0).substring("runs ".length()));
        assertThat(runs).isBetween(500, 2000);
        assertThat(read.lines()).containsExactly("runs " + runs, "series " + 4 * runs, "points " + 1220 * runs,
                "warnings 0", String.format(Locale.ROOT, "notice read %d of 3000 runs: the heap budget (16 MB of the"
                        + " 32 MB heap) was reached; left out: run_%04d, run_%04d, run_%04d, run_%04d, run_%04d and"
                        + " %d more (run with a larger -Xmx, or open a sub-folder)", runs, runs, runs + 1, runs + 2,
                        runs + 3, runs + 4, 3000 - runs - 5));
    }

    /**
     * 20,000 runs of two points each: at 160 KB of point blocks a series, they once needed 3.2 GB (100,000 of
     * them ran out of a 2 GB heap). Under 32 MB the folder is listed whole, and the runs that fit half the heap are
     * read and the rest named.
     */
    @Test
    void twentyThousandTinyRunsUnder32MegabytesGiveTheRunsThatFitAndNameTheRest() throws Exception {
        TinyRuns.write(root, 20_000);

        SmallHeapJvm.Result read = SmallHeapJvm.run("32m", LoadFolder.class, root.toString());

        assertThat(read.exitCode()).as(read.output()).isZero();
        int runs = Integer.parseInt(read.lines().get(0).substring("runs ".length()));
        assertThat(runs).isBetween(5_000, 19_000);
        assertThat(read.lines()).containsExactly("runs " + runs, "series " + runs, "points " + 2 * runs,
                "warnings 0", String.format(Locale.ROOT, "notice read %d of 20000 runs: the heap budget (16 MB of the"
                        + " 32 MB heap) was reached; left out: g%03d/run_%06d, g%03d/run_%06d, g%03d/run_%06d,"
                        + " g%03d/run_%06d, g%03d/run_%06d and %d more (run with a larger -Xmx, or open a"
                        + " sub-folder)", runs, runs / 1000, runs, (runs + 1) / 1000, runs + 1, (runs + 2) / 1000,
                        runs + 2, (runs + 3) / 1000, runs + 3, (runs + 4) / 1000, runs + 4, 20_000 - runs - 5));
    }

    /**
     * 2 million points of doubles (0.1 is not a float: about 16 MB of blocks) in one run, under a 32 MB heap that
     * lets one run hold 8 MB, so about a million points fit.
     */
    @Test
    void aRunTooLargeForTheHeapGivesThePointsThatFitAndSaysWhereItStopped() throws Exception {
        Path run = Files.createDirectories(root.resolve("big"));
        try (Writer out = Files.newBufferedWriter(run.resolve("metrics.jsonl"), StandardCharsets.UTF_8)) {
            for (int step = 1; step <= 100_000; step++) {
                out.write("{\"step\": " + step);
                for (int tag = 0; tag < 20; tag++) {
                    out.write(", \"m" + tag + "\": 0.1");
                }
                out.write("}\n");
            }
        }

        SmallHeapJvm.Result read = SmallHeapJvm.run("32m", LoadFolder.class, root.toString());

        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(read.lines()).anySatisfy(line -> assertThat(line).matches("warning big/metrics\\.jsonl line \\d+"
                + " \\(byte \\d+\\): this run's series reached 8 MB, the most one run may hold in this heap, so the"
                + " values from here on were not read \\(a larger -Xmx reads them\\)"));
        long points = read.lines().stream().filter(line -> line.startsWith("points ")).mapToLong(
                line -> Long.parseLong(line.substring("points ".length()))).sum();
        assertThat(points).isBetween(700_000L, 1_100_000L);
    }
}
