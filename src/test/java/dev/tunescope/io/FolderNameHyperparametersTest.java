package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import org.junit.jupiter.api.Test;

class FolderNameHyperparametersTest {

    @Test
    void keyValuePairs() {
        Hyperparameters h = FolderNameHyperparameters.parse("lr=3e-4,warmup=100;opt=adamw");
        assertThat(h.number("lr")).contains(3e-4);
        assertThat(h.number("warmup")).contains(100.0);
        assertThat(h.get("opt")).contains(new HyperparameterValue.Text("adamw"));
        assertThat(h.source()).isEqualTo("folder name");
    }

    @Test
    void underscoreJoinedNamesAndNumbers() {
        assertThat(FolderNameHyperparameters.parse("lr_0.001").number("lr")).contains(0.001);
        Hyperparameters h = FolderNameHyperparameters.parse("lr_3.16e-01_warmup_40");
        assertThat(h.number("lr")).contains(0.316);
        assertThat(h.number("warmup")).contains(40.0);
    }

    @Test
    void runCountersAndPlainNamesAreNotHyperparameters() {
        assertThat(FolderNameHyperparameters.parse("version_0").isEmpty()).isTrue();
        assertThat(FolderNameHyperparameters.parse("mlp_lr_sweep").isEmpty()).isTrue();
        assertThat(FolderNameHyperparameters.parse("1795436460.082747").isEmpty()).isTrue();
    }
}
