package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The MLflow file store in the shared fixtures, read and checked against {@code truth.json}. */
class MlflowFixtureTest {
    private static final String LR_STAR = "mlflow/mlruns/482193574619283746/16bb25e1094b81e9b8b94afb3bc15c99";
    private static final String DIVERGED = "mlflow/mlruns/482193574619283746/a568995c2c7d0f590f1206192bf65315";

    static Stream<String> runs() {
        List<String> runs = new ArrayList<>();
        Fixtures.truth().path("mlflow").fieldNames().forEachRemaining(runs::add);
        assertThat(runs).containsExactlyInAnyOrder(LR_STAR, DIVERGED);
        return runs.stream();
    }

    private static Run read(String run) {
        return new MlflowRunSource(Fixtures.resolve(run), run).refresh();
    }

    @ParameterizedTest
    @MethodSource("runs")
    void everyMetricMatchesTheTruthTable(String run) {
        JsonNode truth = Fixtures.truth().path("mlflow").path(run);
        Run read = read(run);
        List<String> tags = new ArrayList<>();
        truth.path("metrics").fieldNames().forEachRemaining(tags::add);
        assertThat(read.scalars().keySet()).containsExactlyInAnyOrderElementsOf(tags);

        for (Map.Entry<String, JsonNode> metric : truth.path("metrics").properties()) {
            JsonNode expected = metric.getValue();
            ScalarSeries series = read.scalars().get(metric.getKey());
            assertThat(series.size()).as(metric.getKey() + " count").isEqualTo(expected.path("count").asInt());
            assertThat(series.firstStep()).as("first step").isEqualTo(expected.path("first_step").asLong());
            assertThat(series.lastStep()).as("last step").isEqualTo(expected.path("last_step").asLong());
            // boxed, so that NaN equals NaN
            assertThat(Double.valueOf(series.lastValue())).as(metric.getKey() + " last value")
                    .isEqualTo(Double.valueOf(Fixtures.number(expected.path("last_value"))));
            int nan = 0;
            int inf = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < series.size(); i++) {
                double v = series.value(i);
                if (Double.isNaN(v)) {
                    nan++;
                } else if (Double.isInfinite(v)) {
                    inf++;
                } else {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                if (i > 0) {
                    assertThat(series.step(i)).isGreaterThan(series.step(i - 1));
                }
            }
            assertThat(nan).as(metric.getKey() + " NaN count").isEqualTo(expected.path("n_nan").asInt());
            assertThat(inf).as(metric.getKey() + " Inf count").isEqualTo(expected.path("n_inf").asInt());
            assertThat(min).isEqualTo(expected.path("min_finite").asDouble());
            assertThat(max).isEqualTo(expected.path("max_finite").asDouble());
            assertThat(series.hasWallTimes()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("runs")
    void nameStatusAndFormatComeFromTheRunsOwnRecord(String run) {
        JsonNode truth = Fixtures.truth().path("mlflow").path(run);
        Run read = read(run);
        assertThat(read.name()).isEqualTo(truth.path("tags").path("mlflow.runName").asText());
        assertThat(read.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(read.format()).isEqualTo(RunFormat.MLFLOW);
        assertThat(read.path()).isEqualTo(run);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.histograms()).isEmpty();
    }

    @Test
    void paramsAreTheHyperparameters() {
        Run lrStar = read(LR_STAR);
        assertThat(lrStar.hyperparameters().source()).isEqualTo("params/");
        assertThat(lrStar.hyperparameters().values().keySet()).containsExactly("batch_size", "lr", "momentum");
        assertThat(lrStar.hyperparameters().number("lr")).contains(0.1);
        assertThat(lrStar.hyperparameters().number("momentum")).contains(0.9);
        assertThat(lrStar.hyperparameters().number("batch_size")).contains(64.0);
        assertThat(lrStar.hyperparameters().get("batch_size").orElseThrow().display()).isEqualTo("64");

        assertThat(read(DIVERGED).hyperparameters().number("lr")).contains(0.316);
    }

    @Test
    void divergedRunKeepsItsNonFiniteValuesAtTheirSteps() {
        ScalarSeries loss = read(DIVERGED).scalars().get("train/loss");
        int first = loss.indexAtOrAfter(47);
        assertThat(loss.step(first)).isEqualTo(47);
        assertThat(loss.value(first)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(loss.value(loss.indexAtOrAfter(49))).isNaN();
        for (int i = 0; i < first; i++) {
            assertThat(loss.value(i)).isFinite();
        }
    }

    @Test
    void wallTimesAreTheTimestampsInSeconds() {
        ScalarSeries loss = read(DIVERGED).scalars().get("train/loss");
        // first line of metrics/train/loss: "1795436464500 1.0045660734176636 1"
        assertThat(loss.wallTime(0)).isEqualTo(1795436464.5);
        assertThat(loss.value(0)).isEqualTo(1.0045660734176636);
    }

    @Test
    void runFoldersAreToldApartFromExperimentFolders() {
        assertThat(MlflowFormat.isRunDirectory(Fixtures.resolve(LR_STAR))).isTrue();
        assertThat(MlflowFormat.isRunDirectory(Fixtures.resolve("mlflow/mlruns/482193574619283746"))).isFalse();
        assertThat(MlflowFormat.isRunDirectory(Fixtures.resolve("mlflow/mlruns/0"))).isFalse();
        assertThat(MlflowFormat.isRunDirectory(Fixtures.resolve("mlflow/mlruns"))).isFalse();
        assertThat(MlflowFormat.isRunDirectory(Fixtures.resolve(LR_STAR + "/metrics"))).isFalse();
    }

    @Test
    void aSecondRefreshOfAnUnchangedRunGivesTheSameRun() {
        MlflowRunSource source = new MlflowRunSource(Fixtures.resolve(DIVERGED), DIVERGED);
        Run first = source.refresh();
        Run second = source.refresh();
        assertThat(second.scalars().get("train/loss").size()).isEqualTo(60);
        assertThat(second.scalars().get("eval/loss").valuesCopy())
                .isEqualTo(first.scalars().get("eval/loss").valuesCopy());
        assertThat(second.warnings()).isEmpty();
    }
}
