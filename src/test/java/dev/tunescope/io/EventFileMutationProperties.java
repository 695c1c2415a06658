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
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Mutates a real tensorboardX event file (a diverging trial: NaN and Inf values, 62 records) by truncating it,
 * flipping bytes and splicing pieces of it into itself, and checks the reader's promises on every result: it
 * never throws, it keeps what it promises to keep, and every warning names the file and a place in it.
 */
class EventFileMutationProperties {
    private static final String NAME = "events.out.tfevents.1795436464.vm";
    private static final byte[] ORIGINAL = readFixture();
    private static final int[] RECORD_ENDS = TensorBoardBadInputTest.recordEnds(ORIGINAL);
    private static final Run WHOLE = readBytes(ORIGINAL);

    private static byte[] readFixture() {
        try {
            return Files.readAllBytes(Fixtures.resolve("tb/mlp_lr_sweep/lr_1.00e+00/" + NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property(tries = 1500)
    void truncationKeepsExactlyTheCompleteRecords(@ForAll @IntRange(min = 0, max = 7000) int rawCut) {
        int cut = rawCut % (ORIGINAL.length + 1);
        int boundary = 0;
        for (int end : RECORD_ENDS) {
            if (end <= cut) {
                boundary = end;
            }
        }
        Run truncated = readBytes(Arrays.copyOf(ORIGINAL, cut));
        Run atBoundary = readBytes(Arrays.copyOf(ORIGINAL, boundary));
        assertSameSeries(truncated, atBoundary);
        assertThat(truncated.warnings()).hasSize(cut == boundary ? 0 : 1);
        assertWellFormed(truncated, cut);
    }

    @Property(tries = 1500)
    void aFlippedByteLosesAtMostTheRecordItIsIn(@ForAll @IntRange(min = 0, max = 7000) int rawAt,
                                                 @ForAll @IntRange(min = 1, max = 255) int mask) {
        int at = rawAt % ORIGINAL.length;
        byte[] bytes = ORIGINAL.clone();
        bytes[at] ^= (byte) mask;
        Run damaged = readBytes(bytes);
        int recordStart = 0;
        for (int end : RECORD_ENDS) {
            if (end <= at) {
                recordStart = end;
            }
        }
        long startOfDamage = recordStart;
        assertThat(damaged.warnings()).singleElement().extracting(ReadWarning::byteOffset).isEqualTo(startOfDamage);
        int lost = 0;
        for (Map.Entry<String, ScalarSeries> e : WHOLE.scalars().entrySet()) {
            ScalarSeries before = e.getValue();
            ScalarSeries after = damaged.scalars().getOrDefault(e.getKey(), ScalarSeries.of(e.getKey(), new long[0], new double[0]));
            assertIsSubsequence(after, before);
            lost += before.size() - after.size();
        }
        assertThat(lost).isLessThanOrEqualTo(1); // tensorboardX writes one value per event
        assertWellFormed(damaged, bytes.length);
    }

    @Property(tries = 1500)
    void splicingThePieceOfAFileIntoItselfNeverBreaksTheReader(@ForAll @IntRange(min = 0, max = 7000) int rawFrom,
                                                                @ForAll @IntRange(min = 1, max = 600) int length,
                                                                @ForAll @IntRange(min = 0, max = 7000) int rawTo) {
        byte[] spliced = dev.tunescope.testing.Mutations.splice(ORIGINAL, rawFrom, length, rawTo);
        int to = dev.tunescope.testing.Mutations.spliceTarget(ORIGINAL, rawTo);
        Run result = readBytes(spliced);
        assertWellFormed(result, spliced.length);
        if (to >= RECORD_ENDS[RECORD_ENDS.length - 1]) {
            // appended after the last record: everything the file had is still there (later copies may restart tags)
            assertThat(result.scalars().keySet()).containsAll(WHOLE.scalars().keySet());
        }
    }

    /** Steps strictly increase in every series, and every warning names the file and a place inside it. */
    private static void assertWellFormed(Run run, long fileSize) {
        for (ScalarSeries series : run.scalars().values()) {
            long[] steps = series.stepsCopy();
            for (int i = 1; i < steps.length; i++) {
                assertThat(steps[i]).isGreaterThan(steps[i - 1]);
            }
        }
        for (ReadWarning warning : run.warnings()) {
            assertThat(warning.file()).isEqualTo("trial/" + NAME);
            assertThat(warning.byteOffset()).isBetween(0L, fileSize);
            assertThat(warning.message()).doesNotContain("internal error");
        }
    }

    private static void assertSameSeries(Run actual, Run expected) {
        assertThat(actual.scalars().keySet()).isEqualTo(expected.scalars().keySet());
        expected.scalars().forEach((tag, series) -> {
            assertThat(actual.scalars().get(tag).stepsCopy()).isEqualTo(series.stepsCopy());
            assertThat(actual.scalars().get(tag).valuesCopy()).isEqualTo(series.valuesCopy());
        });
    }

    private static void assertIsSubsequence(ScalarSeries part, ScalarSeries whole) {
        int j = 0;
        for (int i = 0; i < part.size(); i++) {
            while (j < whole.size() && whole.step(j) != part.step(i)) {
                j++;
            }
            assertThat(j).as("step " + part.step(i) + " of " + part.tag() + " is one of the original's").isLessThan(whole.size());
            assertThat(Double.valueOf(part.value(i))).isEqualTo(Double.valueOf(whole.value(j)));
        }
    }

    private static Run readBytes(byte[] bytes) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tunescope-mutation");
            Path trial = Files.createDirectory(dir.resolve("trial"));
            Files.write(trial.resolve(NAME), bytes);
            return new TensorBoardRunSource(trial, "trial").refresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TempFolders.deleteQuietly(dir);
        }
    }

}
