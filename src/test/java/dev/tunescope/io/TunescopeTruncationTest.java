package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Run;
import dev.tunescope.testing.TempFolders;
import dev.tunescope.run.RunStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * A small {@code metrics.jsonl} written by the real writer, cut at every byte, read in random pieces, and
 * followed by random bytes: the reader never throws and keeps every complete line's points.
 */
class TunescopeTruncationTest {
    private static final long[] STEPS = {1, 2, 3, 4, 5};
    private static final double[] LOSS = {2.5, Double.NaN, Double.NEGATIVE_INFINITY, 0.125, Double.POSITIVE_INFINITY};

    /** The file as the writer writes it, and the run.json of a finished run. */
    private static final Written WRITTEN = write();

    private record Written(byte[] metrics, byte[] runJson) {
    }

    private static Written write() {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tunescope-truncation");
            Path run = dir.resolve("r");
            try (TunescopeRunWriter writer = TunescopeRunWriter.create(run, TunescopeRoundTripTest.info(),
                    Clock.fixed(TunescopeRoundTripTest.T0, ZoneOffset.UTC))) {
                for (int i = 0; i < STEPS.length; i++) {
                    Map<String, Double> values = new LinkedHashMap<>();
                    values.put("loss", LOSS[i]);
                    if (i % 2 == 0) {
                        values.put("lr", 0.1 * (i + 1));
                    }
                    writer.metrics(STEPS[i], values);
                }
                writer.status(RunStatus.FINISHED);
            }
            return new Written(Files.readAllBytes(run.resolve("metrics.jsonl")),
                    Files.readAllBytes(run.resolve("run.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

    private static int completeLines(int length) {
        int lines = 0;
        for (int i = 0; i < length; i++) {
            if (WRITTEN.metrics[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private static void assertFirstLines(Run run, int lines) {
        if (lines == 0) {
            assertThat(run.scalars()).doesNotContainKey("loss");
            return;
        }
        assertThat(run.scalars().get("loss").stepsCopy()).containsExactly(Arrays.copyOf(STEPS, lines));
        assertThat(run.scalars().get("loss").valuesCopy()).containsExactly(Arrays.copyOf(LOSS, lines));
        assertThat(run.scalars().get("lr").size()).isEqualTo((lines + 1) / 2);
    }

    @Test
    void cutAtEveryByteEveryCompleteLineIsKeptAndTheRestIsReadOnceItArrives() throws IOException {
        assertThat(completeLines(WRITTEN.metrics.length)).isEqualTo(5);
        for (int cut = 0; cut <= WRITTEN.metrics.length; cut++) {
            Path dir = Files.createTempDirectory("tunescope-cut");
            try {
                Files.write(dir.resolve("run.json"), WRITTEN.runJson);
                Files.write(dir.resolve("metrics.jsonl"), Arrays.copyOf(WRITTEN.metrics, cut));
                TunescopeRunSource source = new TunescopeRunSource(dir, "r");
                Run cutRun = source.refresh();
                int lines = completeLines(cut);
                assertFirstLines(cutRun, lines);
                boolean atLineEnd = cut == 0 || WRITTEN.metrics[cut - 1] == '\n';
                assertThat(cutRun.warnings()).as("cut at %d", cut).hasSize(atLineEnd ? 0 : 1);

                Files.write(dir.resolve("metrics.jsonl"),
                        Arrays.copyOfRange(WRITTEN.metrics, cut, WRITTEN.metrics.length), StandardOpenOption.APPEND);
                Run whole = source.refresh();
                assertFirstLines(whole, 5);
                assertThat(whole.warnings()).isEmpty();
            } finally {
                TempFolders.deleteQuietly(dir);
            }
        }
    }

    @Property(tries = 30)
    void readingInPiecesGivesWhatReadingAtOnceGives(@ForAll("cuts") List<Integer> cuts) throws IOException {
        Path dir = Files.createTempDirectory("tunescope-pieces");
        try {
            Files.write(dir.resolve("run.json"), WRITTEN.runJson);
            Path metrics = dir.resolve("metrics.jsonl");
            Files.write(metrics, new byte[0]);
            TunescopeRunSource source = new TunescopeRunSource(dir, "r");
            int from = 0;
            for (int cut : cuts.stream().sorted().toList()) {
                Files.write(metrics, Arrays.copyOfRange(WRITTEN.metrics, from, cut), StandardOpenOption.APPEND);
                from = cut;
                assertFirstLines(source.refresh(), completeLines(cut));
            }
            Files.write(metrics, Arrays.copyOfRange(WRITTEN.metrics, from, WRITTEN.metrics.length),
                    StandardOpenOption.APPEND);
            Run whole = source.refresh();
            assertFirstLines(whole, 5);
            assertThat(whole.warnings()).isEmpty();
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, WRITTEN.metrics.length).list().ofMaxSize(12);
    }

    @Property(tries = 100)
    void randomBytesAfterTheRecordsNeitherThrowNorCostARecord(@ForAll @Size(max = 300) List<Byte> garbage)
            throws IOException {
        Path dir = Files.createTempDirectory("tunescope-garbage");
        try {
            byte[] bytes = Arrays.copyOf(WRITTEN.metrics, WRITTEN.metrics.length + garbage.size());
            for (int i = 0; i < garbage.size(); i++) {
                bytes[WRITTEN.metrics.length + i] = garbage.get(i);
            }
            Files.write(dir.resolve("run.json"), WRITTEN.runJson);
            Files.write(dir.resolve("metrics.jsonl"), bytes);
            Run run = new TunescopeRunSource(dir, "r").refresh();
            long[] steps = run.scalars().get("loss").stepsCopy();
            assertThat(Arrays.copyOf(steps, 5)).containsExactly(STEPS);
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

}
