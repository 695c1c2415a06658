package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tunescope run folders with the damage DESIGN.md lists: every reader must survive it and keep what it can. */
class TunescopeBadInputTest {
    private static final String FINISHED = "{\"name\": \"t\", \"status\": \"finished\"}";

    @TempDir
    Path dir;
    Path run;

    @BeforeEach
    void makeRun() throws IOException {
        run = dir.resolve("lr_0.01");
        Files.createDirectories(run);
        Files.writeString(run.resolve("run.json"), "{\"name\": \"t\", \"status\": \"running\"}");
    }

    private void metrics(String text) throws IOException {
        Files.write(run.resolve("metrics.jsonl"), text.getBytes(StandardCharsets.UTF_8));
    }

    private void metrics(byte[] bytes) throws IOException {
        Files.write(run.resolve("metrics.jsonl"), bytes);
    }

    private void appendMetrics(String text) throws IOException {
        Files.writeString(run.resolve("metrics.jsonl"), text, StandardOpenOption.APPEND);
    }

    private Run read() {
        return new TunescopeRunSource(run, "lr_0.01").refresh();
    }

    private static double[] values(Run run, String tag) {
        return run.scalars().get(tag).valuesCopy();
    }

    private static long[] steps(Run run, String tag) {
        return run.scalars().get(tag).stepsCopy();
    }

    @Test
    void pythonsBareNonFiniteTokens() throws IOException {
        metrics("{\"step\": 1, \"loss\": NaN, \"a\": Infinity, \"b\": -Infinity}\n");
        Run read = read();
        assertThat(values(read, "loss")).containsExactly(Double.NaN);
        assertThat(values(read, "a")).containsExactly(Double.POSITIVE_INFINITY);
        assertThat(values(read, "b")).containsExactly(Double.NEGATIVE_INFINITY);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void hugeNumbersAreInfinite() throws IOException {
        metrics("{\"step\": 1, \"a\": 1e999, \"b\": -1e999, \"c\": 123456789012345678901234567890}\n");
        Run read = read();
        assertThat(values(read, "a")).containsExactly(Double.POSITIVE_INFINITY);
        assertThat(values(read, "b")).containsExactly(Double.NEGATIVE_INFINITY);
        assertThat(values(read, "c")).containsExactly(1.2345678901234568e29);
    }

    @Test
    void nullMeansNotLoggedAtThatStep() throws IOException {
        metrics("{\"step\": 1, \"loss\": 1.5, \"eval/loss\": null}\n"
                + "{\"step\": 2, \"loss\": null, \"eval/loss\": 2.5}\n");
        Run read = read();
        assertThat(steps(read, "loss")).containsExactly(1);
        assertThat(steps(read, "eval/loss")).containsExactly(2);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void stringsOtherThanTheNonFiniteWordsAreReportedAndTheRestOfTheLineKept() throws IOException {
        metrics("{\"step\": 1, \"a\": \"NaN\", \"b\": \"Infinity\", \"c\": \"-Infinity\", \"d\": \"nan\","
                + " \"x\": \"abc\", \"y\": true, \"z\": [1], \"w\": \"0.5\"}\n");
        Run read = read();
        assertThat(values(read, "a")).containsExactly(Double.NaN);
        assertThat(values(read, "b")).containsExactly(Double.POSITIVE_INFINITY);
        assertThat(values(read, "c")).containsExactly(Double.NEGATIVE_INFINITY);
        assertThat(values(read, "d")).containsExactly(Double.NaN);
        assertThat(read.scalars()).containsOnlyKeys("a", "b", "c", "d");
        assertThat(read.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("lr_0.01/metrics.jsonl");
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.byteOffset()).isZero();
            assertThat(w.message()).contains("'x' = \"abc\"", "'y' = true", "'z' = [1]", "'w' = \"0.5\"");
        });
    }

    @Test
    void byteOrderMarkAndCrlf() throws IOException {
        metrics("\uFEFF{\"step\": 1, \"loss\": 1.0}\r\n{\"step\": 2, \"loss\": 0.5}\r\n\r\n");
        Run read = read();
        assertThat(values(read, "loss")).containsExactly(1.0, 0.5);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void invalidUtf8IsReportedAndTheNumbersStillCount() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"step\": 1, \"temp\u00e9rature\": 1.0}\n".getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes("{\"step\": 2, \"loss\": 0.5}\n".getBytes(StandardCharsets.UTF_8));
        metrics(bytes.toByteArray());
        Run read = read();
        assertThat(read.scalars()).containsOnlyKeys("temp\uFFFDrature", "loss");
        assertThat(read.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.message()).contains("UTF-8");
        });
    }

    @Test
    void repeatedAndDecreasingStepsFollowTheRestartRule() throws IOException {
        metrics("""
                {"step": 1, "loss": 1.0}
                {"step": 2, "loss": 2.0}
                {"step": 3, "loss": 3.0}
                {"step": 3, "loss": 3.5}
                {"step": 2, "loss": 2.5}
                {"step": 4, "loss": 4.0}
                """);
        Run read = read();
        assertThat(steps(read, "loss")).containsExactly(1, 2, 4);
        assertThat(values(read, "loss")).containsExactly(1.0, 2.5, 4.0);
        assertThat(read.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.byteOffset()).isEqualTo(75);
            assertThat(w.message()).contains("went back to step 3", "3 earlier point(s)");
        });
    }

    @Test
    void anInvalidJsonLineIsSkippedAndTheLinesAfterItAreRead() throws IOException {
        metrics("{\"step\": 1, \"loss\": 1.0}\n{\"step\": 2, \"loss\": \n{\"step\": 3, \"loss\": 3.0}\n"
                + "[1, 2]\n{\"step\": 4, \"loss\": 4.0}{\"step\": 5, \"loss\": 5.0}\n{\"step\": 6, \"loss\": 6.0}\n");
        Run read = read();
        assertThat(steps(read, "loss")).containsExactly(1, 3, 6);
        assertThat(read.warnings()).extracting(ReadWarning::line).containsExactly(2L, 4L, 5L);
        assertThat(read.warnings()).extracting(ReadWarning::byteOffset).containsExactly(25L, 71L, 78L);
        assertThat(read.warnings().get(0).message()).startsWith("is not valid JSON");
        assertThat(read.warnings().get(1).message()).startsWith("is not a JSON object");
    }

    /**
     * Lines as a crash or a foreign writer leaves them, each reported in plain words: Jackson's own messages
     * name its classes and settings ({@code `com.fasterxml.jackson.databind.JsonNode`},
     * {@code `StreamReadConstraints.getMaxNumberLength()`}), which mean nothing to the person reading the warning.
     */
    @Test
    void invalidJsonIsDescribedWithoutTheParsersClassNames() throws IOException {
        metrics("{\"step\": 1, \"loss\": \n" // cut off, then the writer carried on
                + "{\"step\": 2, \"loss\": 2.0}{\"step\": 3, \"loss\": 3.0}\n" // two records run together
                + "{\"step\": 4, \"loss\": " + "9".repeat(1001) + "}\n"
                + "{\"step\": 5, \"loss\": " + "[".repeat(1001) + "]".repeat(1001) + "}\n"
                + "{\"step\": 6, \"loss\": +6.0}\n"
                + "{\"step\": 7, \"loss\": 7.0} // a comment\n"
                + "{\"step\": 8, \"loss\": 8.0\n"
                + "{\"step\": 9, \"loss\": 9.0}\n");
        Run read = read();
        assertThat(steps(read, "loss")).containsExactly(9);
        assertThat(read.warnings()).extracting(ReadWarning::message).containsExactly(
                "is not valid JSON (Unexpected end-of-input within/between Object entries), skipped",
                "is not valid JSON (more text follows the JSON value on the same line: two records run together?),"
                        + " skipped",
                "is not valid JSON (Number value length (1001) exceeds the maximum allowed (1000)), skipped",
                "is not valid JSON (Document nesting depth (1001) exceeds the maximum allowed (1000)), skipped",
                "is not valid JSON (Unexpected character ('+' (code 43)) in numeric value: JSON spec does not allow"
                        + " numbers to have plus signs), skipped",
                "is not valid JSON (Unexpected character ('/' (code 47)): maybe a (non-standard) comment?), skipped",
                "is not valid JSON (Unexpected end-of-input: expected close marker for Object), skipped");
    }

    @Test
    void stepsMustBeWholeNumbers() throws IOException {
        metrics("{\"loss\": 1.0}\n{\"step\": 2.0, \"loss\": 2.0}\n{\"step\": \"3\", \"loss\": 3.0}\n"
                + "{\"step\": 3.5, \"loss\": 3.5}\n{\"step\": null, \"loss\": 9}\n"
                + "{\"step\": 4, \"time\": 17.5, \"loss\": 4.0}\n");
        Run read = read();
        assertThat(steps(read, "loss")).containsExactly(2, 4);
        assertThat(read.scalars().get("loss").wallTime(1)).isEqualTo(17.5);
        assertThat(read.warnings()).extracting(ReadWarning::line).containsExactly(1L, 3L, 4L, 5L);
        assertThat(read.warnings().get(0).message()).contains("no \"step\"");
        assertThat(read.warnings().get(1).message()).contains("not a whole number");
    }

    @Test
    void missingRunJsonStillReadsTheMetricsAndUsesTheFolderName() throws IOException {
        Files.delete(run.resolve("run.json"));
        metrics("{\"step\": 1, \"loss\": 1.0}\n");
        Run read = read();
        assertThat(values(read, "loss")).containsExactly(1.0);
        assertThat(read.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(read.name()).isEqualTo("lr_0.01");
        assertThat(read.hyperparameters().source()).isEqualTo("folder name");
        assertThat(read.hyperparameters().number("lr")).contains(0.01);
        assertThat(read.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("lr_0.01/run.json");
            assertThat(w.message()).contains("missing");
        });
    }

    @Test
    void garbledRunJsonStillReadsTheMetrics() throws IOException {
        Files.writeString(run.resolve("run.json"), "{\"name\": \"t\", \"status\": \"finish");
        metrics("{\"step\": 1, \"loss\": 1.0}\n");
        Run read = read();
        assertThat(values(read, "loss")).containsExactly(1.0);
        assertThat(read.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(read.name()).isEqualTo("lr_0.01");
        assertThat(read.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .startsWith("is not valid JSON"));

        Files.writeString(run.resolve("run.json"), FINISHED); // the writer's next replacement fixes it
        Run fixed = read();
        assertThat(fixed.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(fixed.warnings()).isEmpty();
    }

    @Test
    void runJsonFieldsOfTheWrongKindAreReportedOneByOne() throws IOException {
        Files.writeString(run.resolve("run.json"), "{\"name\": \"t\", \"status\": \"exploded\", \"created\": \"soon\","
                + " \"hparams\": [1, 2], \"workload\": 3}");
        Run read = read();
        assertThat(read.name()).isEqualTo("t");
        assertThat(read.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(read.warnings()).extracting(ReadWarning::message).satisfiesExactlyInAnyOrder(
                m -> assertThat(m).contains("exploded"), m -> assertThat(m).contains("created"),
                m -> assertThat(m).contains("hparams"), m -> assertThat(m).contains("workload"));
    }

    @Test
    void emptyFilesGiveAnEmptyRun() throws IOException {
        Files.writeString(run.resolve("run.json"), "");
        metrics("");
        Files.writeString(run.resolve("histograms.jsonl"), "");
        Run read = read();
        assertThat(read.scalars()).isEmpty();
        assertThat(read.histograms()).isEmpty();
        assertThat(read.warnings()).singleElement().satisfies(w -> assertThat(w.file()).endsWith("run.json"));
    }

    @Test
    void aZeroFilledTailLosesNothingBeforeIt() throws IOException {
        Files.writeString(run.resolve("run.json"), FINISHED);
        byte[] good = "{\"step\": 1, \"loss\": 1.0}\n{\"step\": 2, \"loss\": 0.5}\n".getBytes(StandardCharsets.UTF_8);
        byte[] withZeros = new byte[good.length + 4096];
        System.arraycopy(good, 0, withZeros, 0, good.length);
        metrics(withZeros);
        Run read = read();
        assertThat(values(read, "loss")).containsExactly(1.0, 0.5);
        assertThat(read.warnings()).singleElement().satisfies(w -> {
            assertThat(w.byteOffset()).isEqualTo(good.length);
            assertThat(w.message()).contains("last 4096 byte(s)");
        });

        appendMetrics("\n{\"step\": 3, \"loss\": 0.25}\n"); // a writer that carried on after the zeros
        Run after = read();
        assertThat(values(after, "loss")).containsExactly(1.0, 0.5, 0.25);
        assertThat(after.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).startsWith("is not valid JSON");
        });
    }

    @Test
    void onlyNewLinesAreReadOnTheNextRefreshAndAHalfLineWaits() throws IOException {
        metrics("{\"step\": 1, \"loss\": 1.0}\n");
        TunescopeRunSource source = new TunescopeRunSource(run, "r");
        assertThat(values(source.refresh(), "loss")).containsExactly(1.0);
        appendMetrics("{\"step\": 2, \"loss\": 0.5}\n{\"step\": 3, \"lo");
        Run second = source.refresh();
        assertThat(values(second, "loss")).containsExactly(1.0, 0.5);
        assertThat(second.warnings()).isEmpty(); // the run is running: a half line is normal
        appendMetrics("ss\": 0.25}\n");
        assertThat(values(source.refresh(), "loss")).containsExactly(1.0, 0.5, 0.25);
    }

    @Test
    void aShrunkOrRewrittenFileIsReadAgainFromItsStart() throws IOException {
        metrics("{\"step\": 1, \"loss\": 1.0}\n{\"step\": 2, \"loss\": 0.5}\n{\"step\": 3, \"bad\": \"x\"}\n");
        Files.writeString(run.resolve("histograms.jsonl"),
                "{\"step\": 1, \"tag\": \"h\", \"edges\": [0, 1], \"counts\": [5]}\n");
        TunescopeRunSource source = new TunescopeRunSource(run, "r");
        Run first = source.refresh();
        assertThat(first.warnings()).hasSize(1);

        metrics("{\"step\": 7, \"acc\": 0.9}\n"); // shorter
        Run shrunk = source.refresh();
        assertThat(shrunk.scalars()).containsOnlyKeys("acc");
        assertThat(steps(shrunk, "acc")).containsExactly(7);
        assertThat(shrunk.warnings()).isEmpty();
        assertThat(shrunk.histograms().get("h").size()).isEqualTo(1);

        metrics("{\"step\": 8, \"acc\": 0.8}\n"); // same length, other content
        assertThat(steps(source.refresh(), "acc")).containsExactly(8);

        Files.delete(run.resolve("metrics.jsonl"));
        assertThat(source.refresh().scalars()).isEmpty();
        metrics("{\"step\": 9, \"acc\": 0.7}\n");
        assertThat(steps(source.refresh(), "acc")).containsExactly(9);
    }

    @Test
    void histogramLinesThatDoNotFitAreSkippedWithAWarning() throws IOException {
        Files.writeString(run.resolve("histograms.jsonl"), """
                {"step": 1, "tag": "h", "edges": [0, 1, 2], "counts": [1, 2]}
                {"step": 2, "tag": "h", "edges": [0, 1], "counts": [1, 2]}
                {"step": 3, "tag": "h", "edges": [0, "x"], "counts": [1]}
                {"step": 4, "tag": "h", "edges": [1, 0], "counts": [1]}
                {"step": 5, "tag": "h", "edges": [0, 1], "counts": [-1]}
                {"step": 6, "edges": [0, 1], "counts": [1]}
                {"step": 7, "tag": "h", "counts": [1]}
                {"step": 8, "tag": "h", "edges": ["-Infinity", 0], "counts": [1]}
                {"step": 9, "tag": "h", "edges": [0, 1, 3], "counts": [4, 0]}
                """);
        Run read = read();
        assertThat(read.histograms().get("h").points()).extracting(p -> p.step()).containsExactly(1L, 9L);
        assertThat(read.histograms().get("h").last().histogram().sum()).isEqualTo(2.0);
        assertThat(read.warnings()).extracting(ReadWarning::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(read.warnings().get(0).message()).contains("2 edges for 2 counts");
        assertThat(read.warnings()).allSatisfy(w -> assertThat(w.file()).isEqualTo("lr_0.01/histograms.jsonl"));
    }

    @Test
    void aFinishedRunsCutLastLineIsReported() throws IOException {
        Files.writeString(run.resolve("run.json"), FINISHED);
        metrics("{\"step\": 1, \"loss\": 1.0}\n{\"step\": 2, \"lo");
        Run read = read();
        assertThat(values(read, "loss")).containsExactly(1.0);
        assertThat(read.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("lr_0.01/metrics.jsonl");
            assertThat(w.byteOffset()).isEqualTo(25);
            assertThat(w.message()).contains("last 15 byte(s)");
        });
    }

    @Test
    void aMillionBadLinesCostAHundredWarningsAndACount() throws IOException {
        metrics("x\n".repeat(150) + "{\"step\": 1, \"loss\": 1.0}\n");
        Run read = read();
        assertThat(values(read, "loss")).containsExactly(1.0);
        assertThat(read.warnings()).hasSize(101);
        assertThat(read.warnings().get(100).message()).startsWith("50 more problem(s)");
    }
}
