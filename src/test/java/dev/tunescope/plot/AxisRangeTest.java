package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.run.ScalarSeries;
import org.junit.jupiter.api.Test;

class AxisRangeTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void paddedExtentOfFiniteValuesOfSeveralSeries() {
        AxisRange range = AxisRange.ofValues(ScaleType.LINEAR, series(2, NAN, 4, INF), series(10, -INF, 6));
        assertThat(range.min()).isCloseTo(2 - 0.4, within(1e-12));
        assertThat(range.max()).isCloseTo(10 + 0.4, within(1e-12));
        assertThat(range.type()).isEqualTo(ScaleType.LINEAR);
    }

    @Test
    void aLogAxisUsesOnlyPositiveValues() {
        AxisRange range = AxisRange.ofValues(ScaleType.LOG, series(-1, 0, 1e-3, 1, INF));
        assertThat(Math.log10(range.min())).isCloseTo(-3 - 0.15, within(1e-9));
        assertThat(Math.log10(range.max())).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void noUsableValueGivesADefaultRange() {
        assertThat(AxisRange.ofValues(ScaleType.LINEAR, series(NAN, NAN, INF))).isEqualTo(
                new AxisRange(0, 1, ScaleType.LINEAR));
        assertThat(AxisRange.ofValues(ScaleType.LOG, series(-1, 0, NAN))).isEqualTo(new AxisRange(1, 10, ScaleType.LOG));
        assertThat(AxisRange.ofValues(ScaleType.LINEAR)).isEqualTo(new AxisRange(0, 1, ScaleType.LINEAR));
    }

    @Test
    void aSingleValueGetsARangeAroundIt() {
        AxisRange five = AxisRange.ofValues(ScaleType.LINEAR, series(5, 5, NAN));
        assertThat(five.min()).isCloseTo(4.5, within(1e-12));
        assertThat(five.max()).isCloseTo(5.5, within(1e-12));
        assertThat(AxisRange.ofValues(ScaleType.LINEAR, series(0))).isEqualTo(new AxisRange(-1, 1, ScaleType.LINEAR));
        AxisRange log = AxisRange.ofValues(ScaleType.LOG, series(0.01));
        assertThat(log.min()).isCloseTo(0.01 / Math.sqrt(10), within(1e-12));
        assertThat(log.max()).isCloseTo(0.01 * Math.sqrt(10), within(1e-12));
        AxisRange tiny = AxisRange.ofValues(ScaleType.LINEAR, series(Double.MIN_VALUE));
        assertThat(tiny.min()).isLessThan(tiny.max());
    }

    @Test
    void extremeValuesStillGiveAUsableScale() {
        AxisRange range = AxisRange.ofValues(ScaleType.LINEAR, series(-Double.MAX_VALUE, Double.MAX_VALUE));
        assertThat(range.toScale(0, 100).toPixel(0)).isCloseTo(50, within(1e-9));
    }

    @Test
    void stepsAreNotPaddedAndALogStepAxisSkipsStepZero() {
        ScalarSeries s = ScalarSeries.of("loss", new long[] {0, 10, 20, 400}, new double[] {1, 2, 3, 4});
        assertThat(AxisRange.ofSteps(ScaleType.LINEAR, s)).isEqualTo(new AxisRange(0, 400, ScaleType.LINEAR));
        assertThat(AxisRange.ofSteps(ScaleType.LOG, s)).isEqualTo(new AxisRange(10, 400, ScaleType.LOG));
    }

    @Test
    void toScaleMapsTheRange() {
        Scale scale = new AxisRange(0, 10, ScaleType.LINEAR).toScale(300, 0);
        assertThat(scale).isInstanceOf(LinearScale.class);
        assertThat(scale.toPixel(10)).isEqualTo(0);
        assertThat(new AxisRange(1, 10, ScaleType.LOG).toScale(0, 1)).isInstanceOf(LogScale.class);
    }

    private static ScalarSeries series(double... values) {
        long[] steps = new long[values.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        return ScalarSeries.of("s", steps, values);
    }
}
