package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.Synthetic.decaying;
import static dev.tunescope.diagnose.Synthetic.series;
import static dev.tunescope.diagnose.Synthetic.trainOnly;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EarlyInstabilityRuleTest {
    private static EarlyInstabilityRule.ProbeVerdict assess(Trial probe, double lrStar) {
        return EarlyInstabilityRule.assess(probe, Optional.of(lrStar), EarlyInstabilityRule.Settings.DEFAULTS,
                InstabilityRule.Settings.DEFAULTS);
    }

    @Test
    void anEarlyJumpCallsForWarmup() {
        double[] loss = decaying(500, 2, 0.5, 0.01, 0.01, 5).valuesCopy();
        for (int i = 20; i < 60; i++) {
            loss[i] = 30; // jumps 15x over its start at step 21 and stays until step 60
        }
        EarlyInstabilityRule.ProbeVerdict verdict = assess(trainOnly("probe", 0.2, series("loss", loss)), 0.1);
        assertThat(verdict.unstableEarly()).isTrue();
        assertThat(verdict.earlySigns().get(0).step()).isEqualTo(21);
        assertThat(verdict.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("warmup should"));
    }

    @Test
    void aSmoothProbeIsStableEarly() {
        EarlyInstabilityRule.ProbeVerdict verdict = assess(trainOnly("probe", 0.2, decaying(500, 2, 0.5, 0.01, 0.01, 6)),
                0.1);
        assertThat(verdict.unstableEarly()).isFalse();
        assertThat(verdict.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("stable in its first 500"));
    }

    @Test
    void instabilityAfterTheEarlyStepsIsNotEarly() {
        double[] loss = decaying(1000, 2, 0.5, 0.01, 0.01, 8).valuesCopy();
        loss[800] = Double.NaN;
        assertThat(assess(trainOnly("probe", 0.2, series("loss", loss)), 0.1).unstableEarly()).isFalse();
    }

    @Test
    void aProbeAtTheWrongLearningRateIsNoted() {
        EarlyInstabilityRule.ProbeVerdict verdict = assess(trainOnly("probe", 0.5, decaying(500, 2, 0.5, 0.01, 0.01, 6)),
                0.1);
        assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.message()).contains("not at 2 x lr* = 0.2"));
    }
}
