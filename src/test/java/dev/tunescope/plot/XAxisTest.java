package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.ScalarSeriesBuilder;
import org.junit.jupiter.api.Test;

class XAxisTest {

    private static ScalarSeries timed() {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("loss");
        builder.add(0, 3, 1_700_000_000.0);
        builder.add(10, 2, 1_700_000_000.0); // logged in the same millisecond as the first
        builder.add(20, 1, 1_700_000_125.5);
        return builder.build();
    }

    @Test
    void relativeTimeCountsMillisecondsFromTheFirstPointAndKeepsEveryPoint() {
        ScalarSeries relative = XAxis.RELATIVE_TIME.apply(timed()).orElseThrow();
        assertThat(relative.size()).isEqualTo(3);
        assertThat(relative.step(0)).isZero();
        assertThat(relative.step(1)).isEqualTo(1);
        assertThat(relative.step(2)).isEqualTo(125_500);
        assertThat(relative.value(2)).isEqualTo(1);
        assertThat(XAxis.WALL_TIME.apply(timed()).orElseThrow().step(0)).isEqualTo(1_700_000_000_000L);
        assertThat(XAxis.STEP.apply(timed()).orElseThrow().step(2)).isEqualTo(20);
    }

    @Test
    void aSeriesWithoutWallTimesHasNoTimeAxis() {
        ScalarSeries untimed = ScalarSeries.of("loss", new long[] {0, 1}, new double[] {1, 2});
        assertThat(XAxis.RELATIVE_TIME.apply(untimed)).isEmpty();
        assertThat(XAxis.STEP.apply(untimed)).contains(untimed);
    }

    @Test
    void timesReadAsDurations() {
        assertThat(XAxis.RELATIVE_TIME.format(12_500)).isEqualTo("12.5 s");
        assertThat(XAxis.RELATIVE_TIME.format(250_000)).isEqualTo("4:10");
        assertThat(XAxis.RELATIVE_TIME.format(3_930_000)).isEqualTo("1:05:30");
        assertThat(XAxis.WALL_TIME.format(0)).matches("\\d\\d:\\d\\d:00");
    }
}
