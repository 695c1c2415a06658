package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricAliasesTest {
    private final MetricAliases aliases = MetricAliases.defaults();

    @Test
    void findsEachRoleUnderTheNamesCommonLoggersUse() {
        assertThat(aliases.find(MetricRole.TRAIN_LOSS, List.of("epoch", "train/loss"))).contains("train/loss");
        assertThat(aliases.find(MetricRole.TRAIN_LOSS, List.of("loss", "val_loss"))).contains("loss"); // Keras
        assertThat(aliases.find(MetricRole.EVAL_LOSS, List.of("loss", "val_loss"))).contains("val_loss");
        assertThat(aliases.find(MetricRole.EVAL_LOSS, List.of("Validation/Loss"))).contains("Validation/Loss");
        assertThat(aliases.find(MetricRole.GRAD_NORM, List.of("grad_2.0_norm_total"))).contains("grad_2.0_norm_total");
        assertThat(aliases.find(MetricRole.LEARNING_RATE, List.of("lr-AdamW"))).contains("lr-AdamW");
        assertThat(aliases.find(MetricRole.LEARNING_RATE, List.of("lr-SGD-pg1"))).contains("lr-SGD-pg1");
        assertThat(aliases.find(MetricRole.LEARNING_RATE, List.of("train/learning_rate"))).contains("train/learning_rate");
    }

    @Test
    void prefersTheMoreSpecificName() {
        assertThat(aliases.find(MetricRole.TRAIN_LOSS, List.of("loss", "train_loss"))).contains("train_loss");
    }

    @Test
    void aMissingRoleIsEmpty() {
        assertThat(aliases.find(MetricRole.GRAD_NORM, List.of("train/loss", "accuracy"))).isEmpty();
        assertThat(aliases.roleOf("accuracy")).isEmpty();
        assertThat(aliases.roleOf("eval/loss")).contains(MetricRole.EVAL_LOSS);
    }

    @Test
    void aUserMappingOverridesTheBuiltInNames() {
        MetricAliases mapped = aliases.withOverride(MetricRole.EVAL_LOSS, "holdout/mse");
        assertThat(mapped.find(MetricRole.EVAL_LOSS, List.of("val_loss", "holdout/mse"))).contains("holdout/mse");
        assertThat(mapped.find(MetricRole.EVAL_LOSS, List.of("val_loss"))).isEmpty();
        assertThat(mapped.find(MetricRole.TRAIN_LOSS, List.of("loss"))).contains("loss");
    }
}
