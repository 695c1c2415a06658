package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.TruthAssertions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Lightning CSV fixtures read back exactly as truth.json (computed with Python's csv module) says. */
class LightningCsvFixtureTest {
    private static final String LOGS = "lightning_csv/lightning_logs/";

    private static Run read(String version) {
        return new LightningCsvSource(Fixtures.resolve(LOGS + version), "lightning_logs/" + version).refresh();
    }

    @ParameterizedTest
    @ValueSource(strings = {"version_0", "version_1"})
    void everyColumnMatchesTruth(String version) {
        Run run = read(version);
        JsonNode truth = Fixtures.truth().get("lightning_csv").get(LOGS + version + "/metrics.csv");
        List<String> metricColumns = new ArrayList<>();
        truth.get("header").forEach(column -> metricColumns.add(column.asText()));
        metricColumns.removeAll(List.of("epoch", "step"));

        assertThat(run.scalars().keySet()).containsExactlyInAnyOrderElementsOf(metricColumns);
        truth.get("columns").properties().forEach(column -> {
            ScalarSeries series = run.scalar(column.getKey()).orElseThrow();
            TruthAssertions.assertMatchesTruth(series, column.getValue(), column.getKey());
        });
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void divergedRunKeepsItsFirstNonFiniteStep() {
        ScalarSeries gradNorm = read("version_1").scalar("train/grad_norm").orElseThrow();
        int first = 0;
        while (Double.isFinite(gradNorm.value(first))) {
            first++;
        }
        assertThat(gradNorm.step(first)).isEqualTo(45);
        assertThat(gradNorm.step(first)).isEqualTo(Fixtures.truth().get("lightning_csv")
                .get(LOGS + "version_1/metrics.csv").get("columns").get("train/grad_norm")
                .get("first_nonfinite_step").asLong());
    }

    @Test
    void evalRowSharesTheStepOfTheTrainRowBeforeIt() {
        Run run = read("version_0");
        assertThat(run.scalar("eval/loss").orElseThrow().step(0)).isEqualTo(19);
        assertThat(run.scalar("eval/loss").orElseThrow().value(0)).isEqualTo(0.5088092088699341);
        assertThat(run.scalar("train/loss").orElseThrow().step(19)).isEqualTo(19);
    }

    @Test
    void describesTheRun() {
        Run run = read("version_0");
        assertThat(run.name()).isEqualTo("version_0");
        assertThat(run.path()).isEqualTo("lightning_logs/version_0");
        assertThat(run.format()).isEqualTo(RunFormat.LIGHTNING_CSV);
        assertThat(run.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(run.histograms()).isEmpty();
        LightningCsvSource source = new LightningCsvSource(Fixtures.resolve(LOGS + "version_0"), "x");
        assertThat(source.format()).isEqualTo(RunFormat.LIGHTNING_CSV);
        assertThat(source.path()).isEqualTo("x");
    }

    @Test
    void hyperparametersComeFromHparamsYaml() {
        Run lrStar = read("version_0");
        assertThat(lrStar.hyperparameters().source()).isEqualTo("hparams.yaml");
        assertThat(lrStar.hyperparameters().values()).containsOnlyKeys("batch_size", "lr", "momentum");
        assertThat(lrStar.hyperparameters().get("batch_size")).contains(new HyperparameterValue.Number(64));
        assertThat(lrStar.hyperparameters().number("lr")).contains(0.1);
        assertThat(lrStar.hyperparameters().number("momentum")).contains(0.9);
        assertThat(read("version_1").hyperparameters().number("lr")).contains(0.316);
    }

    @Test
    void recognisesRunFolders() {
        assertThat(LightningCsvFormat.isRunDirectory(Fixtures.resolve(LOGS + "version_0"))).isTrue();
        assertThat(LightningCsvFormat.isRunDirectory(Fixtures.resolve(LOGS + "version_1"))).isTrue();
        assertThat(LightningCsvFormat.isRunDirectory(Fixtures.resolve("lightning_csv/lightning_logs"))).isFalse();
        assertThat(LightningCsvFormat.isRunDirectory(Fixtures.resolve("keras_csv"))).isFalse();
        Path file = Fixtures.resolve(LOGS + "version_0/metrics.csv");
        assertThat(LightningCsvFormat.isRunDirectory(file)).isFalse();
        assertThat(KerasCsvFormat.isKerasLog(file)).as("a Lightning file is not a Keras log").isFalse();
    }
}
