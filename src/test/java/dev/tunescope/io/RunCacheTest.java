package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Histogram;
import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.EventFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run cache gives back exactly what reading the files gives, parses only what was appended, and is not
 * trusted once a file changed in any other way.
 */
class RunCacheTest {
    @TempDir
    Path temp;
    Path run;
    Path file;
    RunCache cache;

    @BeforeEach
    void writeRun() throws IOException {
        run = Files.createDirectories(temp.resolve("runs/lr_0.1"));
        file = run.resolve("events.out.tfevents.1.host");
        writeEvents(file, 0, 5000);
        cache = RunCache.at(temp.resolve("cache"), 1L << 30);
    }

    /** Steps from {@code first}, 3 tags, a histogram every 500 steps, a restart and hparams in the first file. */
    private static void writeEvents(Path target, int first, int steps) throws IOException {
        try (EventFileWriter writer = new EventFileWriter(target)) {
            if (first == 0) {
                writer.hparams(Map.of("lr", 0.1));
            }
            for (int step = first; step < first + steps; step++) {
                double wall = 1.7e9 + step * 0.37 + (step % 7) * 0.001;
                writer.scalar("train/loss", step, wall, (float) (2 / Math.sqrt(step + 1)));
                writer.scalar("grad_norm", step, wall, step % 911 == 0 ? Float.NaN : (float) Math.cos(step));
                if (step % 3 == 0) {
                    writer.scalar("eval/loss", step, wall, (float) (3 / Math.sqrt(step + 1)));
                }
                if (step % 500 == 0) {
                    writer.histogram("weights", step, wall, new Histogram(-1, 1, 4, 0, 2,
                            new double[] {0, 1}, new double[] {2, 2}));
                }
                if (first == 0 && step == 2500) {
                    writer.scalar("train/loss", 2400, wall, 9f); // a restart of one tag
                }
            }
        }
    }

    private Run readThrough(RunCache through) {
        return new TensorBoardRunSource(run, "lr_0.1", through).refresh();
    }

    private Run readFresh() {
        return readThrough(RunCache.off());
    }

    @Test
    void aReopenedRunComesFromTheCacheAndIsTheSame() {
        Run first = readThrough(cache);
        assertSame(first, readFresh());
        TensorBoardRunSource again = new TensorBoardRunSource(run, "lr_0.1", cache);
        Run reopened = again.refresh();
        assertThat(again.restoredFromCache()).isTrue();
        assertSame(reopened, readFresh());
        assertThat(reopened.warnings()).anyMatch(w -> w.message().contains("went back to step 2400"));
    }

    @Test
    void appendedRecordsAreReadOnTopOfTheCache() throws IOException {
        readThrough(cache);
        Path more = temp.resolve("more");
        writeEvents(more, 5000, 3000);
        Files.write(file, Files.readAllBytes(more), StandardOpenOption.APPEND);
        TensorBoardRunSource again = new TensorBoardRunSource(run, "lr_0.1", cache);
        Run reopened = again.refresh();
        assertThat(again.restoredFromCache()).isTrue();
        assertThat(reopened.scalars().get("train/loss").lastStep()).isEqualTo(7999);
        assertSame(reopened, readFresh());
        // and the entry now holds the appended points too
        TensorBoardRunSource third = new TensorBoardRunSource(run, "lr_0.1", cache);
        assertSame(third.refresh(), readFresh());
        assertThat(third.restoredFromCache()).isTrue();
    }

    @Test
    void aFileRewrittenInPlaceIsReadAfresh() throws IOException {
        readThrough(cache);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1; // same size, one bit changed in the middle (a damaged record now)
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        TensorBoardRunSource again = new TensorBoardRunSource(run, "lr_0.1", cache);
        assertSame(again.refresh(), readFresh());
        assertThat(again.restoredFromCache()).isFalse();
    }

    @Test
    void aShorterOrReplacedFileIsReadAfresh() throws IOException {
        readThrough(cache);
        writeEvents(file, 0, 3000); // replaced by a shorter one
        TensorBoardRunSource again = new TensorBoardRunSource(run, "lr_0.1", cache);
        Run reopened = again.refresh();
        assertThat(again.restoredFromCache()).isFalse();
        assertThat(reopened.scalars().get("train/loss").lastStep()).isEqualTo(2999);
        assertSame(reopened, readFresh());
        writeEvents(file, 0, 6000); // replaced by a longer one: its head is the same, its bytes before the offset not
        Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND);
        TensorBoardRunSource third = new TensorBoardRunSource(run, "lr_0.1", cache);
        assertSame(third.refresh(), readFresh());
    }

    @Test
    void aNewFileBeforeTheCachedOnesIsReadAfresh() throws IOException {
        readThrough(cache);
        writeEvents(run.resolve("events.out.tfevents.0.host"), 0, 2000);
        TensorBoardRunSource again = new TensorBoardRunSource(run, "lr_0.1", cache);
        assertSame(again.refresh(), readFresh());
        assertThat(again.restoredFromCache()).isFalse();
    }

    @Test
    void aDamagedIndexIsNotTrusted() throws IOException {
        readThrough(cache);
        Path index;
        try (var entries = Files.list(cache.root())) {
            index = entries.findFirst().orElseThrow().resolve(CacheEntry.INDEX);
        }
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(index, bytes);
        TensorBoardRunSource again = new TensorBoardRunSource(run, "lr_0.1", cache);
        assertSame(again.refresh(), readFresh());
        assertThat(again.restoredFromCache()).isFalse();
    }

    @Test
    void aFullCacheLeavesThePointsOnTheHeap() throws IOException {
        RunCache tiny = RunCache.at(temp.resolve("tiny"), 100_000);
        assertSame(readThrough(tiny), readFresh());
        TensorBoardRunSource again = new TensorBoardRunSource(run, "lr_0.1", tiny);
        assertSame(again.refresh(), readFresh());
        assertThat(again.restoredFromCache()).isFalse();
        assertThat(tiny.sizeBytes()).isLessThanOrEqualTo(100_000);
    }

    @Test
    void clearingRemovesEveryEntry() throws IOException {
        readThrough(cache);
        assertThat(cache.sizeBytes()).isPositive();
        assertThat(cache.clear()).isPositive();
        assertThat(cache.sizeBytes()).isZero();
        TensorBoardRunSource again = new TensorBoardRunSource(run, "lr_0.1", cache);
        assertSame(again.refresh(), readFresh());
        assertThat(again.restoredFromCache()).isFalse();
    }

    @Test
    void aSourceWhoseEntryWasTakenOverGoesOnOnTheHeap() throws IOException {
        TensorBoardRunSource live = new TensorBoardRunSource(run, "lr_0.1", cache);
        live.refresh();
        TensorBoardRunSource other = new TensorBoardRunSource(run, "lr_0.1", cache);
        other.refresh(); // restores, and writes the index anew
        Path more = temp.resolve("more");
        writeEvents(more, 5000, 3000);
        Files.write(file, Files.readAllBytes(more), StandardOpenOption.APPEND);
        Run afterTakeOver = live.refresh();
        assertSame(afterTakeOver, readFresh());
        assertSame(other.refresh(), readFresh());
        assertSame(new TensorBoardRunSource(run, "lr_0.1", cache).refresh(), readFresh());
    }

    static void assertSame(Run actual, Run expected) {
        assertThat(actual.scalars().keySet()).containsExactlyElementsOf(expected.scalars().keySet());
        for (Map.Entry<String, ScalarSeries> series : expected.scalars().entrySet()) {
            ScalarSeries a = actual.scalars().get(series.getKey());
            ScalarSeries e = series.getValue();
            assertThat(a.size()).as(series.getKey()).isEqualTo(e.size());
            for (int i = 0; i < e.size(); i++) {
                if (a.step(i) != e.step(i)
                        || Double.doubleToRawLongBits(a.value(i)) != Double.doubleToRawLongBits(e.value(i))
                        || Double.doubleToRawLongBits(a.wallTime(i)) != Double.doubleToRawLongBits(e.wallTime(i))) {
                    throw new AssertionError(series.getKey() + " differs at point " + i);
                }
            }
        }
        assertThat(actual.histograms().keySet()).isEqualTo(expected.histograms().keySet());
        for (Map.Entry<String, HistogramSeries> h : expected.histograms().entrySet()) {
            assertThat(actual.histograms().get(h.getKey()).points()).isEqualTo(h.getValue().points());
        }
        assertThat(actual.hyperparameters()).isEqualTo(expected.hyperparameters());
        assertThat(actual.warnings()).containsExactlyInAnyOrderElementsOf(expected.warnings());
    }
}
