package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.testing.TempFolders;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Mutates the real Lightning {@code metrics.csv} of a diverging trial (NaN and inf cells, sparse rows, CRLF) and
 * checks the reader's promises: it never throws, a cut keeps exactly the complete lines, and every warning names
 * the file and a line inside it.
 */
class CsvMutationProperties {
    private static final byte[] ORIGINAL = readFixture();
    private static final long DATA_CELLS = new String(ORIGINAL, java.nio.charset.StandardCharsets.UTF_8)
            .lines().skip(1).flatMap(line -> Arrays.stream(line.split(",", -1))).filter(c -> !c.isBlank()).count();

    private static byte[] readFixture() {
        try {
            return Files.readAllBytes(Fixtures.resolve("lightning_csv/lightning_logs/version_1/metrics.csv"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 1000)
    void aCutKeepsExactlyTheCompleteLines(@ForAll @IntRange(min = 0, max = 100_000) int rawCut) {
        int cut = rawCut % (ORIGINAL.length + 1);
        int lastNewline = -1;
        for (int i = 0; i < cut; i++) {
            if (ORIGINAL[i] == '\n') {
                lastNewline = i;
            }
        }
        Run truncated = readBytes(Arrays.copyOf(ORIGINAL, cut));
        Run atLineEnd = readBytes(Arrays.copyOf(ORIGINAL, lastNewline + 1));
        assertThat(truncated.scalars().keySet()).isEqualTo(atLineEnd.scalars().keySet());
        atLineEnd.scalars().forEach((tag, series) -> {
            assertThat(truncated.scalars().get(tag).stepsCopy()).isEqualTo(series.stepsCopy());
            assertThat(truncated.scalars().get(tag).valuesCopy()).isEqualTo(series.valuesCopy());
        });
        assertWellFormed(truncated);
    }

    @Property(tries = 1000)
    void flippedBytesNeverBreakTheReader(@ForAll @IntRange(min = 0, max = 100_000) int rawAt,
                                         @ForAll @IntRange(min = 1, max = 255) int mask) {
        byte[] bytes = ORIGINAL.clone();
        int at = rawAt % bytes.length;
        bytes[at] ^= (byte) mask;
        Run damaged = readBytes(bytes);
        assertWellFormed(damaged);
        // Every point comes from one cell; a flip can split one cell in two at most.
        long kept = damaged.scalars().values().stream().mapToLong(ScalarSeries::size).sum();
        assertThat(kept).isLessThanOrEqualTo(DATA_CELLS + 1);
        if (kept == 0) { // e.g. the header's "step" was hit: the file cannot be read, and the user is told
            assertThat(damaged.warnings()).isNotEmpty();
        }
    }

    @Property(tries = 1000)
    void splicedLinesNeverBreakTheReader(@ForAll @IntRange(min = 0, max = 100_000) int rawFrom,
                                         @ForAll @IntRange(min = 1, max = 400) int length,
                                         @ForAll @IntRange(min = 0, max = 100_000) int rawTo) {
        assertWellFormed(readBytes(dev.tunescope.testing.Mutations.splice(ORIGINAL, rawFrom, length, rawTo)));
    }

    private static void assertWellFormed(Run run) {
        for (ScalarSeries series : run.scalars().values()) {
            for (int i = 1; i < series.size(); i++) {
                assertThat(series.step(i)).isGreaterThan(series.step(i - 1));
            }
        }
        for (ReadWarning warning : run.warnings()) {
            assertThat(warning.file()).isEqualTo("version_1/metrics.csv");
            assertThat(warning.message()).doesNotContain("internal error").doesNotContain("Exception");
        }
    }

    private static Run readBytes(byte[] bytes) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tunescope-csv-mutation");
            Path run = Files.createDirectory(dir.resolve("version_1"));
            Files.write(run.resolve("metrics.csv"), bytes);
            return new LightningCsvSource(run, "version_1").refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

}
