package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientNormsTest {

    @Test
    void theGlobalNormIsTheNormOfAllGradientsTogether() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> grads = List.of(m.create(new float[] {3, 0}), m.create(new float[] {0, 4, 0}));
            assertThat(GradientNorms.globalNorm(grads)).isCloseTo(5, within(1e-6));
        }
    }

    @Test
    void clippingScalesTheAppliedNormDownToTheThresholdAndKeepsTheDirection() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> grads = List.of(m.create(new float[] {3, 0}), m.create(new float[] {0, 4, 0}));
            assertThat(GradientNorms.clip(grads, 5, 1.0)).isTrue();
            assertThat(GradientNorms.globalNorm(grads)).isCloseTo(1.0, within(1e-6));
            assertThat(grads.get(0).toFloatArray()).containsExactly(0.6f, 0f);
            assertThat(grads.get(1).toFloatArray()[1]).isCloseTo(0.8f, within(1e-6f));
        }
    }

    @Test
    void aNormUnderTheThresholdIsLeftAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> grads = List.of(m.create(new float[] {0.3f, 0.4f}));
            assertThat(GradientNorms.clip(grads, 0.5, 1.0)).isFalse();
            assertThat(grads.get(0).toFloatArray()).containsExactly(0.3f, 0.4f);
        }
    }

    @Test
    void aHistogramCountsEveryValue() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[][] h = GradientNorms.histogram(List.of(m.create(new float[] {0, 1, 2, 3}), m.create(new float[] {4})), 4);
            assertThat(h[0]).containsExactly(0, 1, 2, 3, 4);
            assertThat(h[1]).containsExactly(1, 1, 1, 2);
        }
    }
}
