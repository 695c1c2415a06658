package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.Synthetic.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialExtractionTest {

    private static Run run(Map<String, String> hparams, ScalarSeries... series) {
        Map<String, ScalarSeries> scalars = new java.util.HashMap<>();
        for (ScalarSeries s : series) {
            scalars.put(s.tag(), s);
        }
        return new Run("r", "r", RunFormat.TUNESCOPE, RunStatus.FINISHED, Hyperparameters.parsed(hparams, "test"),
                scalars, Map.of(), List.of());
    }

    @Test
    void learningRateAndWarmupComeFromHyperparameters() {
        Trial t = TrialExtraction.from(run(Map.of("learning_rate", "3e-4", "warmup_steps", "100"),
                series("train_loss", 1, 0.5), series("val_loss", 0.6)), MetricAliases.defaults()).orElseThrow();
        assertThat(t.learningRate()).isEqualTo(3e-4);
        assertThat(t.warmupSteps()).isEqualTo(100);
        assertThat(t.evalLoss()).isPresent();
    }

    @Test
    void withoutHyperparametersTheLearningRateSeriesTells() {
        ScalarSeries lr = series("lr", 200, s -> 0.3 * Math.min(1, s / 40.0));
        Trial t = TrialExtraction.from(run(Map.of(), series("loss", 200, s -> 1.0 / s), lr), MetricAliases.defaults())
                .orElseThrow();
        assertThat(t.learningRate()).isEqualTo(0.3);
        assertThat(t.warmupSteps()).isEqualTo(40);
    }

    @Test
    void aConstantLearningRateHasNoWarmup() {
        Trial t = TrialExtraction.from(run(Map.of(), series("loss", 1, 0.9), series("lr", 0.1, 0.1)),
                MetricAliases.defaults()).orElseThrow();
        assertThat(t.warmupSteps()).isZero();
    }

    @Test
    void aRunWithoutTrainLossIsNoTrialAndOneWithoutLearningRateHasNone() {
        assertThat(TrialExtraction.from(run(Map.of("lr", "0.1"), series("accuracy", 0.5)), MetricAliases.defaults()))
                .isEmpty();
        assertThat(TrialExtraction.from(run(Map.of(), series("loss", 0.5)), MetricAliases.defaults()).orElseThrow()
                .learningRate()).isNaN();
    }

    @Test
    void aClipThresholdOfZeroOrNoneMeansNoClipping() {
        assertThat(TrialExtraction.clipThreshold(run(Map.of("clip", "1.5"), series("loss", 0.5)))).hasValue(1.5);
        assertThat(TrialExtraction.clipThreshold(run(Map.of("gradient_clip_val", "0"), series("loss", 0.5)))).isEmpty();
        assertThat(TrialExtraction.clipThreshold(run(Map.of("max_grad_norm", "none"), series("loss", 0.5)))).isEmpty();
        assertThat(TrialExtraction.clipThreshold(run(Map.of(), series("loss", 0.5)))).isEmpty();
    }
}
