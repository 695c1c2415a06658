package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CSV and MLflow copies of a run in the fixtures must yield the same series as its event files, up to each tool's own
 * step convention: MLflow keeps the event files' steps; Lightning's step is 0-based (event-file step - 1); Keras indexes by 0-based epoch of 20 steps.
 */
class CrossFormatConsistencyTest {
    private static final List<String> TAGS = List.of("train/loss", "train/grad_norm", "train/learning_rate",
            "eval/loss");

    private static Run tensorBoard(String trial) {
        return new TensorBoardRunSource(Fixtures.resolve("tb/mlp_lr_sweep/" + trial), trial).refresh();
    }

    @Test
    void lightningCopiesMatchTheEventFilesShiftedByOneStep() {
        assertSameSeries(tensorBoard("lr_1.00e-01"), lightning("version_0"), 1);
        assertSameSeries(tensorBoard("lr_3.16e-01"), lightning("version_1"), 1);
    }

    private static Run lightning(String version) {
        return new LightningCsvSource(Fixtures.resolve("lightning_csv/lightning_logs/" + version), version).refresh();
    }

    @Test
    void mlflowCopiesMatchTheEventFilesStepForStep() {
        String experiment = "mlflow/mlruns/482193574619283746/";
        assertSameSeries(tensorBoard("lr_1.00e-01"), mlflow(experiment + "16bb25e1094b81e9b8b94afb3bc15c99"), 0);
        assertSameSeries(tensorBoard("lr_3.16e-01"), mlflow(experiment + "a568995c2c7d0f590f1206192bf65315"), 0);
    }

    private static Run mlflow(String runDir) {
        return new MlflowRunSource(Fixtures.resolve(runDir), runDir).refresh();
    }

    @Test
    void kerasEpochsAreTheEventFilesEvalLossAndMeanTrainLoss() {
        Run events = tensorBoard("lr_1.00e-01");
        Run keras = new KerasCsvSource(Fixtures.resolve("keras_csv/training.log"), "training.log").refresh();
        ScalarSeries valLoss = keras.scalar("val_loss").orElseThrow();
        ScalarSeries loss = keras.scalar("loss").orElseThrow();
        ScalarSeries eval = events.scalar("eval/loss").orElseThrow();
        ScalarSeries train = events.scalar("train/loss").orElseThrow();
        assertThat(valLoss.size()).isEqualTo(20);
        for (int epoch = 0; epoch < 20; epoch++) {
            assertThat(valLoss.step(epoch)).isEqualTo(epoch);
            assertThat(valLoss.value(epoch)).isEqualTo(eval.value(eval.indexAtOrAfter(20L * (epoch + 1))));
            float mean = 0;
            for (int i = 0; i < 20; i++) {
                mean += (float) train.value(train.indexAtOrAfter(20L * epoch + 1 + i));
            }
            assertThat(loss.value(epoch)).isCloseTo(mean / 20, within(1e-6));
        }
    }

    /** Same values, in the same order, with {@code copy}'s steps = {@code events}' steps - {@code stepShift}. */
    static void assertSameSeries(Run events, Run copy, long stepShift) {
        for (String tag : TAGS) {
            ScalarSeries expected = events.scalar(tag).orElseThrow();
            ScalarSeries actual = copy.scalar(tag).orElseThrow(() -> new AssertionError(copy.path() + " lacks " + tag));
            assertThat(actual.size()).as(copy.path() + " " + tag).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertThat(actual.step(i) + stepShift).isEqualTo(expected.step(i));
                // The copies write the learning rate as the Python float (0.1); event files hold it as float32.
                double value = tag.endsWith("learning_rate") ? (float) actual.value(i) : actual.value(i);
                assertThat(Double.valueOf(value)).as(copy.path() + " " + tag + " #" + i)
                        .isEqualTo(Double.valueOf(expected.value(i)));
            }
        }
    }
}
