package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StdoutMetricsTest {

    @Test
    void aJsonObjectWithAWholeStepIsAMetricLine() {
        assertThat(StdoutMetrics.parse("{\"step\": 3, \"train/loss\": 0.5, \"lr\": 1e-3, \"time\": 17.5}\r"))
                .contains(new StdoutMetrics.Line(3, Map.of("train/loss", 0.5, "lr", 1e-3)));
        assertThat(StdoutMetrics.parse("{\"step\": 4.0, \"loss\": 1}"))
                .contains(new StdoutMetrics.Line(4, Map.of("loss", 1.0)));
    }

    @Test
    void nonFiniteValuesComeAsPythonTokensOrStrings() {
        StdoutMetrics.Line line = StdoutMetrics.parse("{\"step\": 1, \"a\": NaN, \"b\": Infinity, \"c\": -Infinity,"
                + " \"d\": \"nan\", \"e\": \"-inf\", \"f\": \"Infinity\", \"g\": 1e999}").orElseThrow();

        assertThat(line.values()).containsEntry("a", Double.NaN).containsEntry("b", Double.POSITIVE_INFINITY)
                .containsEntry("c", Double.NEGATIVE_INFINITY).containsEntry("d", Double.NaN)
                .containsEntry("e", Double.NEGATIVE_INFINITY).containsEntry("f", Double.POSITIVE_INFINITY)
                .containsEntry("g", Double.POSITIVE_INFINITY);
    }

    @Test
    void otherOutputIsNotAMetricLine() {
        assertThat(StdoutMetrics.parse("epoch 1: loss 0.5")).isEmpty();
        assertThat(StdoutMetrics.parse("{\"loss\": 0.5}")).isEmpty();
        assertThat(StdoutMetrics.parse("{\"step\": \"3\", \"loss\": 0.5}")).isEmpty();
        assertThat(StdoutMetrics.parse("{\"step\": 3.5, \"loss\": 0.5}")).isEmpty();
        assertThat(StdoutMetrics.parse("{\"step\": 3, \"note\": \"warming up\"}")).isEmpty();
        assertThat(StdoutMetrics.parse("{\"step\": 3, \"loss\": 0.5} {\"step\": 4}")).isEmpty();
        assertThat(StdoutMetrics.parse("[1, 2]")).isEmpty();
        assertThat(StdoutMetrics.parse("{\"step\": 3, \"loss\": 0.5, \"tags\": [1], \"ok\": true}"))
                .contains(new StdoutMetrics.Line(3, Map.of("loss", 0.5)));
    }
}
