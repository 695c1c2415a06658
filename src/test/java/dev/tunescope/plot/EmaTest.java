package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.ScalarSeriesBuilder;
import org.junit.jupiter.api.Test;

class EmaTest {

    @Test
    void debiasedAverageByHand() {
        // w = 0.5: last = 0.5, 1.25, 2.125; debias 1 - w^n = 0.5, 0.75, 0.875
        ScalarSeries smoothed = Ema.smooth(series(1, 2, 3), 0.5);
        assertThat(smoothed.value(0)).isCloseTo(1.0, within(1e-12));
        assertThat(smoothed.value(1)).isCloseTo(1.25 / 0.75, within(1e-12));
        assertThat(smoothed.value(2)).isCloseTo(2.125 / 0.875, within(1e-12));
        assertThat(smoothed.stepsCopy()).containsExactly(10, 20, 30);
        assertThat(smoothed.tag()).isEqualTo("loss");
    }

    @Test
    void nonFiniteValuesPassThroughWithoutPoisoningTheAverage() {
        // the NaN and the infinity are skipped: the third point is the second finite one, 1.75 / 0.75
        ScalarSeries smoothed = Ema.smooth(series(1, Double.NaN, Double.POSITIVE_INFINITY, 3), 0.5);
        assertThat(smoothed.value(0)).isEqualTo(1.0);
        assertThat(smoothed.value(1)).isNaN();
        assertThat(smoothed.value(2)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(smoothed.value(3)).isCloseTo(1.75 / 0.75, within(1e-12));
    }

    @Test
    void tensorBoardDefaultWeight() {
        // w = 0.6 on 4, 0: last = 1.6, 0.96; debias 0.4, 0.64
        ScalarSeries smoothed = Ema.smooth(series(4, 0), 0.6);
        assertThat(smoothed.value(0)).isCloseTo(4.0, within(1e-12));
        assertThat(smoothed.value(1)).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void weightZeroAndConstantSeriesLeaveValuesAlone() {
        assertThat(Ema.smooth(series(3, 1, 4, 1, 5), 0).valuesCopy()).containsExactly(3, 1, 4, 1, 5);
        assertThat(Ema.smooth(series(0.7, 0.7, 0.7), 0.9).valuesCopy()).containsExactly(0.7, 0.7, 0.7);
        assertThat(Ema.smooth(series(), 0.9).size()).isZero();
    }

    @Test
    void weightOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> Ema.smooth(series(1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ema.smooth(series(1), -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ema.smooth(series(1), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wallTimesAreKept() {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("loss");
        builder.add(1, 2.0, 1_700_000_000.25);
        builder.add(2, 4.0, 1_700_000_001.5);
        ScalarSeries smoothed = Ema.smooth(builder.build(), 0.3);
        assertThat(smoothed.wallTime(0)).isEqualTo(1_700_000_000.25);
        assertThat(smoothed.wallTime(1)).isEqualTo(1_700_000_001.5);
    }

    private static ScalarSeries series(double... values) {
        long[] steps = new long[values.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = 10L * (i + 1);
        }
        return ScalarSeries.of("loss", steps, values);
    }
}
