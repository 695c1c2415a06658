package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MLflow runs with damaged, old-style, growing and rewritten files. */
class MlflowBadInputTest {
    @TempDir
    Path dir;
    Path run;

    @BeforeEach
    void makeRun() throws IOException {
        run = dir.resolve("1").resolve("abc123");
        Files.createDirectories(run.resolve("metrics"));
        meta("run_name: from-meta\nstatus: 3\n");
    }

    private void meta(String yaml) throws IOException {
        Files.writeString(run.resolve("meta.yaml"), yaml);
    }

    private Path metric(String key, String text) throws IOException {
        Path file = run.resolve("metrics").resolve(key);
        Files.createDirectories(file.getParent());
        Files.write(file, text.getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    private Run read() {
        return new MlflowRunSource(run, "1/abc123").refresh();
    }

    private static long[] steps(Run run, String tag) {
        return run.scalars().get(tag).stepsCopy();
    }

    @Test
    void aLineWithoutStepIsAtStepZeroAsInOldMlflow() throws IOException {
        metric("loss", "1000 0.5\n2000 0.4 1\n3000 0.3 2\n");
        Run read = read();
        assertThat(steps(read, "loss")).containsExactly(0, 1, 2);
        assertThat(read.scalars().get("loss").valuesCopy()).containsExactly(0.5, 0.4, 0.3);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void aStepLessLineAfterLaterStepsIsARestartAndSaysSo() throws IOException {
        metric("loss", "1000 0.5 1\n2000 0.4 2\n3000 0.3\n");
        Run read = read();
        assertThat(steps(read, "loss")).containsExactly(0);
        assertThat(read.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("1/abc123/metrics/loss");
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.byteOffset()).isEqualTo(22);
            assertThat(w.message()).contains("went back to step 0").contains("2 earlier point(s)");
        });
    }

    @Test
    void aGarbageLineInTheMiddleIsSkippedAndTheLinesAfterItAreRead() throws IOException {
        metric("train/loss", "1000 0.5 1\nthis is not a metric\n3000 0.3 3\n4000 x 4\n5000 0.1 five\n6000 0.2 6\n");
        Run read = read();
        assertThat(steps(read, "train/loss")).containsExactly(1, 3, 6);
        assertThat(read.warnings()).extracting(ReadWarning::line).containsExactly(2L, 4L, 5L);
        assertThat(read.warnings()).extracting(ReadWarning::byteOffset).containsExactly(11L, 43L, 52L);
        assertThat(read.warnings()).allSatisfy(w -> assertThat(w.file()).isEqualTo("1/abc123/metrics/train/loss"));
        assertThat(read.warnings().get(0).message()).contains("5 field(s)");
        assertThat(read.warnings().get(1).message()).contains("value is not a number");
        assertThat(read.warnings().get(2).message()).contains("step is not an integer");
    }

    @Test
    void aTruncatedLastLineWaitsAndIsReadOnceComplete() throws IOException {
        Path loss = metric("loss", "1000 0.5 1\n2000 0.4 2\n3000 0.3");
        MlflowRunSource source = new MlflowRunSource(run, "r");
        Run first = source.refresh();
        assertThat(steps(first, "loss")).containsExactly(1, 2);
        // the run says it is finished, so the cut line is reported
        assertThat(first.warnings()).singleElement().satisfies(w -> {
            assertThat(w.byteOffset()).isEqualTo(22);
            assertThat(w.message()).contains("last 8 byte(s)");
        });

        append(loss, " 3\n4000 0.2 4\n");
        Run second = source.refresh();
        assertThat(steps(second, "loss")).containsExactly(1, 2, 3, 4);
        assertThat(second.scalars().get("loss").valuesCopy()).containsExactly(0.5, 0.4, 0.3, 0.2);
        assertThat(second.warnings()).isEmpty();
    }

    @Test
    void aHalfLineOfARunningRunIsNotAProblem() throws IOException {
        meta("status: 1\n");
        metric("loss", "1000 0.5 1\n2000 0.4");
        Run read = read();
        assertThat(read.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(steps(read, "loss")).containsExactly(1);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void nonFiniteValuesInEverySpelling() throws IOException {
        metric("v", "1 nan 1\n2 inf 2\n3 -inf 3\n4 NaN 4\n5 Infinity 5\n6 1e999 6\n7 -1.5E-3 7\n");
        assertThat(read().scalars().get("v").valuesCopy()).containsExactly(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, -0.0015);
    }

    @Test
    void crlfBlankLinesAndInvalidUtf8() throws IOException {
        metric("v", "1000 0.5 1\r\n\r\n2000 \u00ff.4 2\n3000 0.3 3\r\n");
        Run read = read();
        assertThat(steps(read, "v")).containsExactly(1, 3);
        assertThat(read.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.message()).contains("UTF-8");
        });
    }

    @Test
    void onlyLinesAppendedSinceTheLastRefreshAreAddedAndNewMetricsArePickedUp() throws IOException {
        meta("status: RUNNING\n");
        Path loss = metric("loss", "1000 0.5 1\n");
        MlflowRunSource source = new MlflowRunSource(run, "r");
        assertThat(steps(source.refresh(), "loss")).containsExactly(1);
        append(loss, "2000 0.4 2\n3000 0.3 3\n");
        metric("eval/loss", "3000 0.7 3\n");
        Run second = source.refresh();
        assertThat(steps(second, "loss")).containsExactly(1, 2, 3);
        assertThat(steps(second, "eval/loss")).containsExactly(3);
        meta("status: 3\n");
        assertThat(source.refresh().status()).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void aRewrittenMetricFileIsReadAgainWithoutTouchingTheOthers() throws IOException {
        Path loss = metric("loss", "1000 0.5 1\n2000 0.4 2\n3000 0.3 3\n");
        metric("lr", "1000 0.1 1\n2000 0.1 2\n");
        MlflowRunSource source = new MlflowRunSource(run, "r");
        source.refresh();
        Files.writeString(loss, "9000 0.9 7\n");
        Run second = source.refresh();
        assertThat(steps(second, "loss")).containsExactly(7);
        assertThat(second.scalars().get("loss").valuesCopy()).containsExactly(0.9);
        assertThat(steps(second, "lr")).containsExactly(1, 2);
        assertThat(second.warnings()).isEmpty();

        Files.delete(loss);
        assertThat(source.refresh().scalars()).containsOnlyKeys("lr");
    }

    @Test
    void statusesAsMlflowStoresThem() throws IOException {
        String[][] cases = {{"1", "RUNNING"}, {"2", "RUNNING"}, {"3", "FINISHED"}, {"4", "FAILED"},
                {"5", "CANCELLED"}, {"KILLED", "CANCELLED"}, {"FINISHED", "FINISHED"}, {"'3'", "FINISHED"}};
        for (String[] c : cases) {
            meta("status: " + c[0] + "\n");
            assertThat(read().status()).as(c[0]).isEqualTo(RunStatus.valueOf(c[1]));
        }
        meta("status: 9\n");
        Run unknown = read();
        assertThat(unknown.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(unknown.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("'9'"));
    }

    @Test
    void garbledOrMissingMetaYamlStillReadsTheMetrics() throws IOException {
        metric("loss", "1000 0.5 1\n");
        meta("status: [unclosed\n  : :");
        Run garbled = read();
        assertThat(garbled.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(garbled.warnings()).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("1/abc123/meta.yaml");
            assertThat(w.message()).contains("not valid YAML");
        });
        assertThat(steps(garbled, "loss")).containsExactly(1);

        Files.delete(run.resolve("meta.yaml"));
        Run missing = read();
        assertThat(missing.warnings()).singleElement().satisfies(w -> assertThat(w.message()).contains("missing"));
        assertThat(missing.name()).isEqualTo("abc123");
        assertThat(steps(missing, "loss")).containsExactly(1);
    }

    @Test
    void yamlTypeTagsAreNotObeyed() throws IOException {
        meta("run_name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                + " [\"http://localhost/\"]]]]\nstatus: 3\n");
        Run read = read();
        assertThat(read.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(read.name()).isEqualTo("abc123");
    }

    @Test
    void aYamlAliasBombIsNotExpanded() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ")
                    .repeat(9)).append("*a").append(i - 1).append("]\n");
        }
        meta(yaml + "status: 3\n"); // 10^30 strings if aliases were expanded without a bound
        Run read = assertTimeoutPreemptively(Duration.ofSeconds(10), this::read);
        assertThat(read.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(read.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .startsWith("keys 'a4', 'a5', 'a6', 'a7', 'a8' and 21 more were left out: their aliases expand"));
    }

    @Test
    void aScalarAliasStandsForItsAnchorsValue() throws IOException {
        meta("name: &n lr_0.003\nrun_name: *n\nstatus: 3\n");
        assertThat(read().name()).isEqualTo("lr_0.003");
    }

    @Test
    void theRunNameFallsBackFromTagToMetaToFolder() throws IOException {
        Files.createDirectories(run.resolve("tags"));
        Files.writeString(run.resolve("tags/mlflow.runName"), "from-tag");
        assertThat(read().name()).isEqualTo("from-tag");
        Files.delete(run.resolve("tags/mlflow.runName"));
        assertThat(read().name()).isEqualTo("from-meta");
        meta("status: 3\n");
        assertThat(read().name()).isEqualTo("abc123");
    }

    @Test
    void nestedParamKeysAndNamesWithNumbers() throws IOException {
        Files.createDirectories(run.resolve("params/optimizer"));
        Files.writeString(run.resolve("params/optimizer/lr"), "3e-4");
        Files.writeString(run.resolve("params/optimizer/name"), "adam\n");
        Files.writeString(run.resolve("params/nesterov"), "True");
        Run read = read();
        assertThat(read.hyperparameters().values()).containsOnlyKeys("optimizer/lr", "optimizer/name", "nesterov");
        assertThat(read.hyperparameters().number("optimizer/lr")).contains(3e-4);
        assertThat(read.hyperparameters().get("optimizer/name").orElseThrow().display()).isEqualTo("adam");
        assertThat(read.hyperparameters().get("nesterov").orElseThrow().display()).isEqualTo("true");

        Files.writeString(run.resolve("meta.yaml"), "run_name: lr_0.003\nstatus: 3\n");
        deleteTree(run.resolve("params"));
        Run fromName = read();
        assertThat(fromName.hyperparameters().source()).isEqualTo("run name");
        assertThat(fromName.hyperparameters().number("lr")).contains(0.003);
    }

    @Test
    void emptyMetricFilesGiveEmptySeriesNotErrors() throws IOException {
        metric("loss", "");
        Run read = read();
        assertThat(read.scalars()).isEmpty();
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void timestampsBecomeSecondsWithMillisecondsKept() throws IOException {
        metric("loss", "1795436464500 1.0 1\n1795436464527 2.0 2\n");
        ScalarSeries loss = read().scalars().get("loss");
        assertThat(loss.wallTime(0)).isEqualTo(1795436464.5);
        assertThat(loss.wallTime(1)).isCloseTo(1795436464.527, offset(1e-6));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
