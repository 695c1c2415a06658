package dev.tunescope.io;

import static dev.tunescope.io.CsvRuns.columns;
import static dev.tunescope.io.CsvRuns.messages;
import static dev.tunescope.io.CsvRuns.steps;
import static dev.tunescope.io.CsvRuns.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.testing.Fixtures;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code metrics.csv} still being written is re-read from where it stopped, and from the start when replaced. */
class LightningCsvTailTest {
    private static final String HEADER = "epoch,step,train/loss\r\n";

    @TempDir
    Path dir;

    private Path metrics() {
        return dir.resolve("metrics.csv");
    }

    private void write(String text) throws IOException {
        Files.writeString(metrics(), text);
    }

    private void append(String text) throws IOException {
        Files.writeString(metrics(), text, StandardOpenOption.APPEND);
    }

    private static String rows(int fromStep, int toStep) {
        return Stream.iterate(fromStep, s -> s < toStep, s -> s + 1)
                .map(s -> "0," + s + "," + (1.0 / (s + 1)) + "\r\n").collect(Collectors.joining());
    }

    @Test
    void appendedLinesAreAddedAndAHalfLineWaits() throws IOException {
        LightningCsvSource source = new LightningCsvSource(dir, "run");
        write(HEADER + rows(0, 2));
        assertThat(steps(source.refresh(), "train/loss")).containsExactly(0L, 1L);

        append(rows(2, 3) + "0,3,0.2");
        Run halfWritten = source.refresh();
        assertThat(steps(halfWritten, "train/loss")).containsExactly(0L, 1L, 2L);
        assertThat(halfWritten.warnings()).isEmpty();

        append("5\r");
        assertThat(steps(source.refresh(), "train/loss")).as("no line ending yet").containsExactly(0L, 1L, 2L);

        append("\n");
        Run completed = source.refresh();
        assertThat(steps(completed, "train/loss")).containsExactly(0L, 1L, 2L, 3L);
        assertThat(values(completed, "train/loss")).containsExactly(1.0, 0.5, 1.0 / 3, 0.25);
        assertThat(completed.warnings()).isEmpty();
        Run again = source.refresh();
        assertThat(columns(again)).as("nothing new, same points").isEqualTo(columns(completed));
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void onlyAppendedBytesAreReadAgain() throws IOException {
        // a header padded past the 64 bytes that identify the file, so the edit below is not taken for a new file
        String header = "epoch,step,train/loss,a_long_metric_name_to_pass_the_identity_prefix\r\n";
        write(header + "0,0,1.0,\r\n0,1,0.9,\r\n");
        LightningCsvSource source = new LightningCsvSource(dir, "run");
        assertThat(values(source.refresh(), "train/loss")).containsExactly(1.0, 0.9);

        try (RandomAccessFile file = new RandomAccessFile(metrics().toFile(), "rw")) {
            file.seek(header.length() + "0,0,".length());
            file.write("7".getBytes(StandardCharsets.US_ASCII)); // 1.0 -> 7.0 in a line already read
        }
        append("0,2,0.8,\r\n");
        assertThat(values(source.refresh(), "train/loss")).as("the old line was not read again")
                .containsExactly(1.0, 0.9, 0.8);
        assertThat(values(new LightningCsvSource(dir, "run").refresh(), "train/loss"))
                .as("a fresh reader sees the edit").containsExactly(7.0, 0.9, 0.8);
    }

    @Test
    void growingByteByByteEndsAsTheWholeFile() throws IOException {
        byte[] full = Files.readAllBytes(Fixtures.resolve("lightning_csv/lightning_logs/version_1/metrics.csv"));
        LightningCsvSource source = new LightningCsvSource(dir, "run");
        Files.write(metrics(), new byte[0]);
        for (int size = 1; size <= full.length; size++) {
            Files.write(metrics(), Arrays.copyOfRange(full, size - 1, size), StandardOpenOption.APPEND);
            Run run = source.refresh();
            assertThat(columns(run)).as("after %d bytes", size).isEqualTo(ReferenceCsv.completeLinesOf(full, size));
            assertThat(run.warnings()).as("after %d bytes", size).isEmpty();
        }
        Map<String, ReferenceCsv.Column> whole = columns(source.refresh());
        assertThat(whole.get("train/grad_norm").steps()).hasSize(60);
        assertThat(whole.get("eval/loss").values()).last().isEqualTo(Double.NaN);
    }

    @Test
    void shrunkFileIsReadAgainFromTheStart() throws IOException {
        write(HEADER + rows(0, 10));
        LightningCsvSource source = new LightningCsvSource(dir, "run");
        assertThat(steps(source.refresh(), "train/loss")).hasSize(10);

        write(HEADER + rows(0, 3));
        Run shrunk = source.refresh();
        assertThat(steps(shrunk, "train/loss")).containsExactly(0L, 1L, 2L);
        assertThat(shrunk.warnings()).as("a new file is no restart of the old one").isEmpty();

        write(HEADER);
        assertThat(source.refresh().scalars()).isEmpty();
        write("");
        assertThat(messages(source.refresh())).containsExactly("the file is empty");
        write(HEADER + rows(0, 1));
        assertThat(steps(source.refresh(), "train/loss")).containsExactly(0L);
    }

    @Test
    void lightningRewriteUnderAWiderHeaderReplacesWhatWasRead() throws IOException {
        // Lightning's sequence: rows under the first header, then the whole file rewritten when eval/loss appears
        Path fixture = Fixtures.resolve("lightning_csv/lightning_logs/version_1/metrics.csv");
        String full = Files.readString(fixture);
        String[] lines = full.split("\r\n");
        StringBuilder beforeEval = new StringBuilder("epoch,step,train/grad_norm,train/learning_rate,train/loss\r\n");
        for (int i = 1; i <= 20; i++) { // the train rows of steps 0..19, without the eval/loss column
            String[] cells = lines[i].split(",", -1);
            beforeEval.append(String.join(",", cells[0], cells[2], cells[3], cells[4], cells[5])).append("\r\n");
        }
        write(beforeEval.toString());
        LightningCsvSource source = new LightningCsvSource(dir, "run");
        Run early = source.refresh();
        assertThat(early.scalars()).containsOnlyKeys("train/grad_norm", "train/learning_rate", "train/loss");
        assertThat(steps(early, "train/loss")).hasSize(20).endsWith(19L);

        Files.writeString(metrics(), full);
        Run rewritten = source.refresh();
        assertThat(columns(rewritten)).isEqualTo(ReferenceCsv.completeLinesOf(full.getBytes(StandardCharsets.UTF_8),
                full.length()));
        assertThat(steps(rewritten, "eval/loss")).containsExactly(19L, 39L, 59L);
        assertThat(rewritten.warnings()).isEmpty();
    }

    @Test
    void replacedFileOfTheSameSizeIsNoticed() throws IOException {
        write(HEADER + "0,0,1.0\r\n");
        LightningCsvSource source = new LightningCsvSource(dir, "run");
        assertThat(values(source.refresh(), "train/loss")).containsExactly(1.0);
        write(HEADER.replace("train/loss", "train/lozz") + "0,0,2.0\r\n");
        Run replaced = source.refresh();
        assertThat(replaced.scalars()).containsOnlyKeys("train/lozz");
        assertThat(values(replaced, "train/lozz")).containsExactly(2.0);
    }

    @Test
    void warningsOfAReplacedFileAreDropped() throws IOException {
        write(HEADER + "0,0,bad\r\n");
        LightningCsvSource source = new LightningCsvSource(dir, "run");
        assertThat(source.refresh().warnings()).hasSize(1);
        write("epoch,step,loss\r\n0,0,1.0\r\n");
        assertThat(source.refresh().warnings()).isEmpty();
    }

    @Test
    void deletedFileKeepsWhatWasReadAndSaysItIsGone() throws IOException {
        write(HEADER + rows(0, 3));
        LightningCsvSource source = new LightningCsvSource(dir, "run");
        source.refresh();
        Files.delete(metrics());
        Run gone = source.refresh();
        assertThat(steps(gone, "train/loss")).containsExactly(0L, 1L, 2L);
        assertThat(gone.warnings()).containsExactly(
                ReadWarning.wholeFile("run/metrics.csv", "the file is missing (moved or deleted)"));

        write(HEADER + rows(5, 6));
        Run back = source.refresh();
        assertThat(steps(back, "train/loss")).as("a new file in its place").containsExactly(5L);
        assertThat(back.warnings()).isEmpty();
    }

    @Test
    void refreshesAreIndependentSnapshots() throws IOException {
        write(HEADER + rows(0, 1));
        LightningCsvSource source = new LightningCsvSource(dir, "run");
        Run first = source.refresh();
        append(rows(1, 2));
        source.refresh();
        assertThat(steps(first, "train/loss")).as("an earlier snapshot does not change").containsExactly(0L);
    }
}
