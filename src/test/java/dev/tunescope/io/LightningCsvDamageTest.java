package dev.tunescope.io;

import static dev.tunescope.io.CsvRuns.columns;
import static dev.tunescope.io.CsvRuns.messages;
import static dev.tunescope.io.CsvRuns.steps;
import static dev.tunescope.io.CsvRuns.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged {@code metrics.csv} still gives every point before (and around) the damage, and says where it is. */
class LightningCsvDamageTest {
    private static final String HEADER = "epoch,eval/loss,step,train/grad_norm,train/learning_rate,train/loss\r\n";

    @TempDir
    Path dir;

    private static byte[] fixture() throws IOException {
        return Files.readAllBytes(Fixtures.resolve("lightning_csv/lightning_logs/version_1/metrics.csv"));
    }

    private Run read(byte[] metrics) throws IOException {
        Files.write(dir.resolve("metrics.csv"), metrics);
        return new LightningCsvSource(dir, "run").refresh();
    }

    private Run read(String metrics) throws IOException {
        return read(metrics.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void truncatedAtEveryByteKeepsEveryCompleteLine() throws IOException {
        byte[] full = fixture();
        int checkedPoints = 0;
        for (int cut = 0; cut <= full.length; cut++) {
            Run run = read(Arrays.copyOf(full, cut));
            Map<String, ReferenceCsv.Column> expected = ReferenceCsv.completeLinesOf(full, cut);
            assertThat(columns(run)).as("cut at byte %d", cut).isEqualTo(expected);
            assertThat(run.warnings()).as("cut at byte %d", cut).hasSize(cut == 0 ? 1 : 0);
            checkedPoints += expected.values().stream().mapToInt(c -> c.steps().size()).sum();
        }
        assertThat(checkedPoints).as("the cuts were really compared on data").isGreaterThan(50_000);
        Run whole = read(full);
        assertThat(steps(whole, "train/loss")).hasSize(60);
        assertThat(steps(whole, "eval/loss")).containsExactly(19L, 39L, 59L);
    }

    @Test
    void emptyFileGivesNoSeriesAndAWarning() throws IOException {
        Run run = read(new byte[0]);
        assertThat(run.scalars()).isEmpty();
        assertThat(run.warnings()).containsExactly(ReadWarning.wholeFile("run/metrics.csv", "the file is empty"));
    }

    @Test
    void headerOnlyFileGivesNoSeriesAndNoWarning() throws IOException {
        Run run = read(HEADER);
        assertThat(run.scalars()).isEmpty();
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void byteOrderMarkAndLineEndingsChangeNothing() throws IOException {
        byte[] crlf = fixture();
        Map<String, ReferenceCsv.Column> expected = ReferenceCsv.completeLinesOf(crlf, crlf.length);
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] lf = new String(crlf, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);

        for (byte[] variant : List.of(crlf, concat(bom, crlf), lf, concat(bom, lf))) {
            Run run = read(variant);
            assertThat(columns(run)).isEqualTo(expected);
            assertThat(run.warnings()).isEmpty();
        }
        assertThat(expected.get("train/loss").steps()).hasSize(60);
    }

    @Test
    void invalidUtf8LineStillGivesItsNumericCells() throws IOException {
        byte[] bad = concat(HEADER.getBytes(StandardCharsets.UTF_8),
                "0,,0,0.5,0.316,1.0\r\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {'0', (byte) 0xFF, ',', ',', '1', ',', (byte) 0xC3, (byte) 0x28, ',', '0', '.', '3', '1',
                    '6', ',', '0', '.', '9', '\r', '\n'},
                "0,,2,0.7,0.316,0.8\r\n".getBytes(StandardCharsets.UTF_8));
        Run run = read(bad);

        assertThat(steps(run, "train/loss")).containsExactly(0L, 1L, 2L);
        assertThat(values(run, "train/loss")).containsExactly(1.0, 0.9, 0.8);
        assertThat(values(run, "train/learning_rate")).containsExactly(0.316, 0.316, 0.316);
        assertThat(steps(run, "train/grad_norm")).containsExactly(0L, 2L);
        long lineStart = HEADER.length() + "0,,0,0.5,0.316,1.0\r\n".length();
        assertThat(run.warnings()).extracting(ReadWarning::file, ReadWarning::line, ReadWarning::byteOffset)
                .containsOnly(tuple("run/metrics.csv", 3L, lineStart));
        assertThat(messages(run)).hasSize(2);
        assertThat(messages(run).get(0)).contains("not valid UTF-8");
        assertThat(messages(run).get(1)).contains("column 'train/grad_norm'", "is not a number");
    }

    @Test
    void nonFiniteSpellingsAreKeptAndNullIsSkipped() throws IOException {
        List<String> rows = List.of(
                "0,,0,nan,0.1,1.0\r\n",
                "0,,1,NaN,0.1,inf\r\n",
                "0,,2,\"nan\",0.1,-inf\r\n",
                "0,,3,Infinity,0.1,-Infinity\r\n",
                "0,,4,1e999,0.1,null\r\n",
                "0,,5, 2.5 ,0.1,abc\r\n");
        Run run = read(HEADER + String.join("", rows));

        assertThat(values(run, "train/grad_norm")).containsExactly(Double.NaN, Double.NaN, Double.NaN,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 2.5);
        assertThat(steps(run, "train/loss")).containsExactly(0L, 1L, 2L, 3L);
        assertThat(values(run, "train/loss")).containsExactly(1.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
        long nullLine = HEADER.length() + String.join("", rows.subList(0, 4)).length();
        assertThat(run.warnings()).containsExactly(
                ReadWarning.atLine("run/metrics.csv", nullLine, 6,
                        "column 'train/loss': 'null' is not a number; cell skipped"),
                ReadWarning.atLine("run/metrics.csv", nullLine + rows.get(4).length(), 7,
                        "column 'train/loss': 'abc' is not a number; cell skipped"));
        assertThat(nullLine).isEqualTo(155);
    }

    @Test
    void rowsWithMissingOrExtraCellsKeepTheCellsUnderAColumn() throws IOException {
        String rows = HEADER
                + "0,,0,0.5,0.1,1.0\r\n"
                + "0,,1,0.6\r\n"              // 4 of 6 cells
                + "0,,2,0.7,0.1,0.8,99,98\r\n" // 8 of 6 cells
                + "0,\r\n"                     // no step cell
                + "0,,x,0.9,0.1,0.7\r\n";      // step is not a number
        Run run = read(rows);

        assertThat(steps(run, "train/grad_norm")).containsExactly(0L, 1L, 2L);
        assertThat(values(run, "train/grad_norm")).containsExactly(0.5, 0.6, 0.7);
        assertThat(steps(run, "train/loss")).containsExactly(0L, 2L);
        assertThat(run.scalars()).containsOnlyKeys("train/grad_norm", "train/learning_rate", "train/loss");
        assertThat(run.warnings()).extracting(ReadWarning::line).containsExactly(3L, 4L, 5L, 5L, 6L);
        assertThat(messages(run)).containsExactly(
                "the row has 4 cell(s) but the header has 6 column(s); only cells under a column are read",
                "the row has 8 cell(s) but the header has 6 column(s); only cells under a column are read",
                "the row has 2 cell(s) but the header has 6 column(s); only cells under a column are read",
                "the row has no 'step' cell; row skipped",
                "column 'step': 'x' is not a whole number; row skipped");
    }

    @Test
    void headerRewrittenMidFileSwitchesColumns() throws IOException {
        String first = "epoch,step,train/loss\r\n0,0,1.0\r\n0,1,0.9\r\n";
        String rows = first
                + "epoch,eval/loss,step,train/loss\r\n"
                + "0,0.5,1,\r\n"
                + "0,,2,0.8\r\n";
        Run run = read(rows);

        assertThat(steps(run, "train/loss")).containsExactly(0L, 1L, 2L);
        assertThat(values(run, "train/loss")).containsExactly(1.0, 0.9, 0.8);
        assertThat(steps(run, "eval/loss")).containsExactly(1L);
        assertThat(values(run, "eval/loss")).containsExactly(0.5);
        assertThat(run.warnings()).containsExactly(ReadWarning.atLine("run/metrics.csv", first.length(), 4,
                "a header line in the middle of the file; columns are now [epoch, eval/loss, step, train/loss]"));
    }

    @Test
    void dataBeforeAnyHeaderIsSkippedWithAWarning() throws IOException {
        Run run = read("0,0,1.0\r\nepoch,step,loss\r\n0,1,0.5\r\n");
        assertThat(steps(run, "loss")).containsExactly(1L);
        assertThat(run.warnings()).containsExactly(
                ReadWarning.atLine("run/metrics.csv", 0, 1, "a data line before any header line; skipped"));
    }

    @Test
    void duplicateAndDecreasingStepsFollowTheRestartRule() throws IOException {
        String rows = "epoch,step,train/loss\r\n"
                + "0,0,1.0\r\n"
                + "0,1,0.9\r\n"
                + "0,2,0.8\r\n"
                + "0,2,0.75\r\n" // the same step again: the newer value wins
                + "0,1,0.95\r\n" // back to step 1: a restart from a checkpoint
                + "0,2,0.85\r\n";
        Run run = read(rows);

        assertThat(steps(run, "train/loss")).containsExactly(0L, 1L, 2L);
        assertThat(values(run, "train/loss")).containsExactly(1.0, 0.95, 0.85);
        assertThat(run.warnings()).hasSize(1);
        ReadWarning restart = run.warnings().get(0);
        assertThat(restart.line()).isEqualTo(5);
        assertThat(restart.file()).isEqualTo("run/metrics.csv");
        assertThat(restart.message()).contains("'train/loss' went back to step 2", "3 earlier point(s)");
    }

    @Test
    void zeroFilledTailIsReportedAfterTheLastCompleteLine() throws IOException {
        byte[] full = fixture();
        Run run = read(concat(full, new byte[4096]));

        assertThat(columns(run)).isEqualTo(ReferenceCsv.completeLinesOf(full, full.length));
        assertThat(run.warnings()).containsExactly(ReadWarning.atByte("run/metrics.csv", full.length,
                "the file ends in 4096 zero byte(s) instead of text (not completely written, e.g. after a crash)"));
    }

    @Test
    void zerosInsideALineAreABadRowNotTheEnd() throws IOException {
        byte[] zeros = new byte[10];
        byte[] rows = concat("epoch,step,loss\n0,0,1.0\n".getBytes(StandardCharsets.UTF_8), zeros,
                "\n0,1,0.5\n".getBytes(StandardCharsets.UTF_8));
        Run run = read(rows);
        assertThat(steps(run, "loss")).containsExactly(0L, 1L);
        assertThat(run.warnings()).extracting(ReadWarning::line).containsExactly(3L, 3L);
        assertThat(messages(run)).containsExactly(
                "the row has 1 cell(s) but the header has 3 column(s); only cells under a column are read",
                "the row has no 'step' cell; row skipped");
    }

    @Test
    void aColumnWithoutNameIsNotATag() throws IOException {
        Run run = read("epoch,step,,loss\n0,0,5,1.0\n");
        assertThat(run.scalars()).containsOnlyKeys("loss");
        assertThat(messages(run)).containsExactly("the header has a column without a name; its cells are not read");
    }

    @Test
    void aThousandBadLinesCostAHundredWarningsAndACount() throws IOException {
        StringBuilder rows = new StringBuilder("epoch,step,loss\n");
        for (int i = 0; i < 1000; i++) {
            rows.append("0,").append(i).append(",bad\n");
        }
        rows.append("0,1000,0.5\n");
        Run run = read(rows.toString());
        assertThat(steps(run, "loss")).containsExactly(1000L);
        assertThat(run.warnings()).hasSize(101);
        assertThat(run.warnings().get(100).message()).startsWith("900 more problem(s)");
    }

    @Test
    void aMetricsFileThatIsAFolderIsAWarning() throws IOException {
        Files.createDirectory(dir.resolve("metrics.csv"));
        Run run = new LightningCsvSource(dir, "run").refresh();
        assertThat(run.scalars()).isEmpty();
        assertThat(run.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("run/metrics.csv");
            assertThat(w.message()).isEqualTo("is a folder, not a regular file, so it was not read");
        });
    }

    @Test
    void aMissingMetricsFileIsAWarning() {
        Run run = new LightningCsvSource(dir, ".").refresh();
        assertThat(run.scalars()).isEmpty();
        assertThat(run.warnings()).containsExactly(
                ReadWarning.wholeFile("metrics.csv", "the file is missing (moved or deleted)"));
    }
}
