package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.io.TensorBoardRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** The clipping rule on the real lr* run of the shared fixtures, against the README's diagnosis truths. */
class ClippingFixtureTest {

    @Test
    void p90OfTheLrStarRunsGradientNormsClipsTenPercent() {
        Run run = new TensorBoardRunSource(Fixtures.resolve("tb/mlp_lr_sweep/lr_1.00e-01"), "lr_1.00e-01").refresh();
        ScalarSeries gradNorm = run.scalar("train/grad_norm").orElseThrow();
        double truth = Fixtures.number(Fixtures.truth().get("diagnosis").get("p90_grad_norm_lr_star"));
        assertThat(truth).isEqualTo(1.213999915122986);

        ClippingAdvice advice = ClippingAdvisor.advise(run.name(), "train/grad_norm", gradNorm,
                ClippingAdvisor.Settings.DEFAULTS).orElseThrow();

        assertThat(advice.threshold()).isCloseTo(truth, within(1e-6)); // in fact bit for bit, like numpy
        assertThat(advice.updates()).isEqualTo(400);
        assertThat(advice.clipped()).isEqualTo(40);
        assertThat(advice.clippedFraction()).isEqualTo(0.1);
        assertThat(advice.findings()).extracting(Finding::severity).containsExactly(Severity.INFO);
        assertThat(advice.findings().get(0).evidence().marks()).hasSize(40)
                .allSatisfy(mark -> assertThat(mark.value()).isGreaterThan(advice.threshold()));
    }
}
