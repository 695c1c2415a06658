package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.TruthAssertions;
import org.junit.jupiter.api.Test;

/** The Keras CSV fixture reads back exactly as truth.json (computed with Python's csv module) says. */
class KerasCsvFixtureTest {

    private static Run read() {
        return new KerasCsvSource(Fixtures.resolve("keras_csv/training.log"), "keras_csv/training.log").refresh();
    }

    @Test
    void everyColumnMatchesTruth() {
        Run run = read();
        JsonNode truth = Fixtures.truth().get("keras_csv");
        assertThat(run.scalars().keySet()).containsExactlyInAnyOrder("loss", "val_loss");
        truth.get("columns").properties().forEach(column -> {
            ScalarSeries series = run.scalar(column.getKey()).orElseThrow();
            TruthAssertions.assertMatchesTruth(series, column.getValue(), column.getKey());
        });
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void bestValidationLossIsAtEpoch17() {
        ScalarSeries valLoss = read().scalar("val_loss").orElseThrow();
        int best = 0;
        for (int i = 1; i < valLoss.size(); i++) {
            if (valLoss.value(i) < valLoss.value(best)) {
                best = i;
            }
        }
        JsonNode truth = Fixtures.truth().get("keras_csv");
        assertThat(valLoss.step(best)).isEqualTo(17).isEqualTo(truth.get("min_val_loss_epoch").asLong());
        assertThat(valLoss.value(best)).isEqualTo(0.11957588791847229).isEqualTo(truth.get("min_val_loss").asDouble());
    }

    @Test
    void describesTheRun() {
        Run run = read();
        assertThat(run.name()).isEqualTo("training");
        assertThat(run.path()).isEqualTo("keras_csv/training.log");
        assertThat(run.format()).isEqualTo(RunFormat.KERAS_CSV);
        assertThat(run.status()).isEqualTo(RunStatus.UNKNOWN);
        assertThat(run.hyperparameters().isEmpty()).as("'keras_csv' names no hyperparameter").isTrue();
    }

    @Test
    void recognisesTheLog() {
        assertThat(KerasCsvFormat.isKerasLog(Fixtures.resolve("keras_csv/training.log"))).isTrue();
        assertThat(KerasCsvFormat.isKerasLog(Fixtures.resolve("keras_csv"))).isFalse();
        assertThat(KerasCsvFormat.isKerasLog(Fixtures.resolve("truth.json"))).isFalse();
    }
}
