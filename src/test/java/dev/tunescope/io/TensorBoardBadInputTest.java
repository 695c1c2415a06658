package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Histogram;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.EventFileWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bad-input cases of DESIGN.md for TensorBoard event files, on files written to a chosen shape. */
class TensorBoardBadInputTest {
    @TempDir
    Path dir;
    private Path run;
    private Path file;

    @BeforeEach
    void makeRunFolder() throws IOException {
        run = Files.createDirectories(dir.resolve("lr_0.01"));
        file = run.resolve("events.out.tfevents.1700000000.host");
    }

    /** Ten scalar events at steps 1..10, value = step / 10. */
    private byte[] tenScalars() throws IOException {
        try (EventFileWriter w = new EventFileWriter(file)) {
            for (int step = 1; step <= 10; step++) {
                w.scalar("train/loss", step, 1_700_000_000.0 + step, step / 10f);
            }
        }
        return Files.readAllBytes(file);
    }

    private Run read() {
        return new TensorBoardRunSource(run, "lr_0.01").refresh();
    }

    private static long[] steps(Run run) {
        return run.scalar("train/loss").map(ScalarSeries::stepsCopy).orElse(new long[0]);
    }

    @Test
    void truncationAtEveryByteKeepsEveryCompleteRecord() throws IOException {
        byte[] whole = tenScalars();
        int[] recordEnds = recordEnds(whole);
        for (int at = 0; at <= whole.length; at++) {
            int cut = at;
            Files.write(file, Arrays.copyOf(whole, cut));
            Run result = read();
            int complete = 0;
            for (int end : recordEnds) {
                if (end <= cut) {
                    complete++;
                }
            }
            int scalarsExpected = Math.max(0, complete - 1); // the first record is the file_version event
            assertThat(steps(result)).as("cut at " + cut).hasSize(scalarsExpected);
            boolean atBoundary = cut == 0 || Arrays.stream(recordEnds).anyMatch(end -> end == cut);
            assertThat(result.warnings()).as("cut at " + cut).hasSize(atBoundary ? 0 : 1);
            if (!atBoundary) {
                ReadWarning warning = result.warnings().get(0);
                assertThat(warning.file()).isEqualTo("lr_0.01/events.out.tfevents.1700000000.host");
                assertThat(warning.message()).contains("ends inside a record");
                assertThat(warning.byteOffset()).isEqualTo(complete == 0 ? 0 : recordEnds[complete - 1]);
            }
        }
    }

    @Test
    void aFlippedLengthByteLosesOnlyThatRecord() throws IOException {
        byte[] bytes = tenScalars();
        int[] ends = recordEnds(bytes);
        int fifthScalarStart = ends[4]; // records: version, then steps 1..10
        bytes[fifthScalarStart] ^= 0x40;
        Files.write(file, bytes);
        Run result = read();
        assertThat(steps(result)).containsExactly(1, 2, 3, 4, 6, 7, 8, 9, 10);
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.byteOffset()).isEqualTo(fifthScalarStart);
            assertThat(w.message()).contains("damaged data").contains("resumed at byte " + ends[5]);
        });
    }

    @Test
    void aFlippedDataByteOrDataCrcLosesOnlyThatRecord() throws IOException {
        byte[] original = tenScalars();
        int[] ends = recordEnds(original);
        for (int offsetInRecord : new int[] {12, 20, -1, -4}) { // payload bytes and the data CRC
            byte[] bytes = original.clone();
            int at = offsetInRecord >= 0 ? ends[2] + offsetInRecord : ends[3] + offsetInRecord;
            bytes[at] ^= 0x01;
            Files.write(file, bytes);
            Run result = read();
            assertThat(steps(result)).as("flip at " + at).containsExactly(1, 2, 4, 5, 6, 7, 8, 9, 10);
            assertThat(result.warnings()).singleElement().extracting(ReadWarning::byteOffset).isEqualTo((long) ends[2]);
        }
    }

    @Test
    void aZeroFilledTailIsReportedAndTheRecordsBeforeItKept() throws IOException {
        byte[] bytes = tenScalars();
        Files.write(file, bytes);
        Files.write(file, new byte[4096], StandardOpenOption.APPEND);
        Run result = read();
        assertThat(steps(result)).hasSize(10);
        assertThat(result.warnings()).singleElement().satisfies(w -> {
            assertThat(w.byteOffset()).isEqualTo(bytes.length);
            assertThat(w.message()).contains("to the end of the file").contains("4096 bytes");
        });
    }

    @Test
    void anAbsurdLengthWithAValidChecksumIsOverTheLimitAndAllocatesNothing() throws IOException {
        assertThat(readWithTrailingHeader(1L << 40).warnings()).singleElement()
                .extracting(ReadWarning::message).asString().isEqualTo("a record of 1099511627776 bytes, over the"
                        + " 64 MiB a record may have and running past the end of the file, starts here; nothing"
                        + " after it could be read");
    }

    @Test
    void aPlausibleLengthPastTheEndWaitsForTheRestOfTheRecord() throws IOException {
        assertThat(readWithTrailingHeader(1L << 25).warnings()).singleElement()
                .extracting(ReadWarning::message).asString().contains("ends inside a record");
    }

    /** Ten scalars followed by a record header with a valid checksum claiming {@code length} bytes. */
    private Run readWithTrailingHeader(long length) throws IOException {
        byte[] bytes = tenScalars();
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(length);
        header.putInt(MaskedCrc32c.masked(header.array(), 0, 8));
        Files.write(file, bytes);
        Files.write(file, header.array(), StandardOpenOption.APPEND);
        Run result = read();
        assertThat(steps(result)).hasSize(10);
        return result;
    }

    @Test
    void aNegativeLengthWithAValidChecksumIsDamage() throws IOException {
        byte[] bytes = tenScalars();
        ByteBuffer header = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(-5);
        header.putInt(MaskedCrc32c.masked(header.array(), 0, 8));
        Files.write(file, bytes);
        Files.write(file, header.array(), StandardOpenOption.APPEND);
        Run result = read();
        assertThat(steps(result)).hasSize(10);
        assertThat(result.warnings()).singleElement().extracting(ReadWarning::message).asString()
                .contains("damaged data");
    }

    @Test
    void anEmptyFileIsARunWithNothingInIt() throws IOException {
        Files.write(file, new byte[0]);
        Run result = read();
        assertThat(result.scalars()).isEmpty();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aRecordThatIsNotAnEventIsSkippedWithItsOffset() throws IOException {
        try (EventFileWriter w = new EventFileWriter(file)) {
            w.scalar("train/loss", 1, 1, 0.5f);
            w.rawRecord(new byte[] {(byte) 0x0a, (byte) 0xff, (byte) 0xff}); // field 1 with a length past the end
            w.scalar("train/loss", 2, 2, 0.4f);
        }
        Run result = read();
        assertThat(steps(result)).containsExactly(1, 2);
        assertThat(result.warnings()).singleElement().extracting(ReadWarning::message).asString()
                .contains("not a readable event");
    }

    @Test
    void nonFiniteValuesAreKept() throws IOException {
        try (EventFileWriter w = new EventFileWriter(file)) {
            w.scalar("train/loss", 1, 1, Float.NaN);
            w.scalar("train/loss", 2, 2, Float.POSITIVE_INFINITY);
            w.scalar("train/loss", 3, 3, Float.NEGATIVE_INFINITY);
        }
        ScalarSeries loss = read().scalar("train/loss").orElseThrow();
        assertThat(loss.value(0)).isNaN();
        assertThat(loss.value(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(loss.value(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(loss.stats().nonFinite()).isEqualTo(3);
    }

    @Test
    void aRepeatedOrEarlierStepDropsTheLaterHistoryOfThatTag() throws IOException {
        try (EventFileWriter w = new EventFileWriter(file)) {
            for (int step = 1; step <= 5; step++) {
                w.scalar("train/loss", step, step, step);
                w.scalar("eval/loss", step, step, step);
            }
            w.scalar("train/loss", 3, 10, 30f); // restarted from the checkpoint at step 3
            w.scalar("train/loss", 4, 11, 40f);
        }
        Run result = read();
        ScalarSeries loss = result.scalar("train/loss").orElseThrow();
        assertThat(loss.stepsCopy()).containsExactly(1, 2, 3, 4);
        assertThat(loss.valuesCopy()).containsExactly(1, 2, 30, 40);
        assertThat(result.scalar("eval/loss").orElseThrow().size()).isEqualTo(5);
        assertThat(result.warnings()).singleElement().extracting(ReadWarning::message).asString()
                .contains("went back to step 3").contains("3 earlier point(s)");
    }

    @Test
    void aSessionStartDropsEveryTagFromItsStep() throws IOException {
        try (EventFileWriter w = new EventFileWriter(file)) {
            for (int step = 1; step <= 5; step++) {
                w.scalar("train/loss", step, step, step);
                w.scalar("eval/loss", step, step, step);
            }
            w.sessionStart(3, 20);
            w.scalar("train/loss", 3, 21, 33f);
        }
        Run result = read();
        assertThat(result.scalar("train/loss").orElseThrow().stepsCopy()).containsExactly(1, 2, 3);
        assertThat(result.scalar("eval/loss").orElseThrow().stepsCopy()).containsExactly(1, 2);
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w.message()).contains("restarted at step 3"));
    }

    @Test
    void severalEventFilesAreMergedOldestFirst() throws IOException {
        try (EventFileWriter w = new EventFileWriter(run.resolve("events.out.tfevents.1700000100.host"))) {
            w.scalar("train/loss", 4, 4, 0.4f); // the resumed run, written later
            w.scalar("train/loss", 5, 5, 0.5f);
        }
        try (EventFileWriter w = new EventFileWriter(run.resolve("events.out.tfevents.1700000000.host"))) {
            for (int step = 1; step <= 6; step++) {
                w.scalar("train/loss", step, step, step);
            }
        }
        ScalarSeries loss = read().scalar("train/loss").orElseThrow();
        assertThat(loss.stepsCopy()).containsExactly(1, 2, 3, 4, 5);
        assertThat(loss.valuesCopy()).containsExactly(1, 2, 3, 0.4f, 0.5f);
    }

    @Test
    void tf2TensorScalarsAndHistogramsAreRead() throws IOException {
        try (EventFileWriter w = new EventFileWriter(file)) {
            w.tensorScalar("loss", 7, 1, 0.25f);
            w.tensorHistogram("weights", 7, 1, new double[][] {{-1, 0, 3}, {0, 2, 5}});
        }
        Run result = read();
        assertThat(result.scalar("loss").orElseThrow().value(0)).isEqualTo(0.25);
        Histogram h = result.histograms().get("weights").last().histogram();
        assertThat(h.min()).isEqualTo(-1);
        assertThat(h.max()).isEqualTo(2);
        assertThat(h.num()).isEqualTo(8);
        assertThat(h.counts()).containsExactly(3, 5);
        assertThat(h.bucketLimits()).containsExactly(0, 2);
    }

    @Test
    void hparamsPluginDataBecomeTheRunsHyperparameters() throws IOException {
        try (EventFileWriter w = new EventFileWriter(file)) {
            w.hparams(Map.of("lr", 0.003, "warmup", 100.0));
        }
        Run result = read();
        assertThat(result.hyperparameters().source()).isEqualTo("hparams plugin");
        assertThat(result.hyperparameters().number("lr")).contains(0.003);
        assertThat(result.hyperparameters().number("warmup")).contains(100.0);
    }

    @Test
    void withoutPluginDataHyperparametersComeFromTheFolderName() throws IOException {
        tenScalars();
        Run result = read();
        assertThat(result.hyperparameters().source()).isEqualTo("folder name");
        assertThat(result.hyperparameters().number("lr")).contains(0.01);
    }

    @Test
    void aFileBeingWrittenIsReadIncrementallyAndAHalfRecordWaits() throws IOException {
        byte[] whole = tenScalars();
        int[] ends = recordEnds(whole);
        TensorBoardRunSource source = new TensorBoardRunSource(run, "lr_0.01");
        Files.write(file, Arrays.copyOf(whole, ends[3] + 5)); // version + 3 scalars + 5 bytes of the 4th
        assertThat(steps(source.refresh())).containsExactly(1, 2, 3);
        Files.write(file, Arrays.copyOfRange(whole, ends[3] + 5, ends[6]), StandardOpenOption.APPEND);
        Run grown = source.refresh();
        assertThat(steps(grown)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(grown.warnings()).isEmpty();
        Files.write(file, Arrays.copyOfRange(whole, ends[6], whole.length), StandardOpenOption.APPEND);
        assertThat(steps(source.refresh())).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aFileThatShrinksOrIsReplacedWhileTailedIsReadAgain() throws IOException {
        tenScalars();
        TensorBoardRunSource source = new TensorBoardRunSource(run, "lr_0.01");
        assertThat(steps(source.refresh())).hasSize(10);
        try (EventFileWriter w = new EventFileWriter(file)) { // rotated: a new, shorter file of the same name
            w.scalar("train/loss", 100, 1, 9f);
        }
        assertThat(steps(source.refresh())).containsExactly(100);
        try (EventFileWriter w = new EventFileWriter(file)) { // replaced by a longer one with other content
            for (int step = 200; step < 230; step++) {
                w.scalar("train/loss", step, 1, 1f);
            }
        }
        assertThat(steps(source.refresh())).hasSize(30).startsWith(200);
    }

    @Test
    void aFileThatDisappearsIsReportedNotThrown() throws IOException {
        tenScalars();
        TensorBoardRunSource source = new TensorBoardRunSource(run, "lr_0.01");
        source.refresh();
        Files.delete(file);
        Run result = source.refresh();
        assertThat(result.scalars()).isNotNull();
    }

    /** End offsets of the records in a well-formed file, found by reading the length fields only. */
    static int[] recordEnds(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int[] ends = new int[0];
        int at = 0;
        while (at + 12 <= bytes.length) {
            int end = at + 16 + (int) buffer.getLong(at);
            ends = Arrays.copyOf(ends, ends.length + 1);
            ends[ends.length - 1] = end;
            at = end;
        }
        return ends;
    }
}
