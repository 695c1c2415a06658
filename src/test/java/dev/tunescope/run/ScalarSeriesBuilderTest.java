package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ScalarSeriesBuilderTest {

    @Test
    void keepsPointsAndNonFiniteValuesInOrder() {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("loss");
        b.add(1, 2.5, 1000.0);
        b.add(2, Double.NaN, 1000.5);
        b.add(5, Double.POSITIVE_INFINITY, 1001.25);
        ScalarSeries s = b.build();
        assertThat(s.stepsCopy()).containsExactly(1, 2, 5);
        assertThat(s.value(1)).isNaN();
        assertThat(s.wallTime(2)).isEqualTo(1001.25);
        assertThat(s.stats()).isEqualTo(new SeriesStats(3, 2.5, 2.5, 1, 1, 0));
        assertThat(s.retainedBytes()).isEqualTo(3 * 20);
    }

    @Test
    void anEarlierStepReplacesTheLaterHistory() {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("loss");
        for (int step = 1; step <= 10; step++) {
            b.add(step, step, Double.NaN);
        }
        assertThat(b.add(4, 40, Double.NaN)).isEqualTo(7);
        assertThat(b.add(4, 44, Double.NaN)).isEqualTo(1);
        ScalarSeries s = b.build();
        assertThat(s.stepsCopy()).containsExactly(1, 2, 3, 4);
        assertThat(s.valuesCopy()).containsExactly(1, 2, 3, 44);
        assertThat(s.hasWallTimes()).isFalse();
        assertThat(b.droppedPoints()).isEqualTo(8);
    }

    @Test
    void wallTimesOfADayLongRunKeepMilliseconds() {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("loss");
        b.add(1, 0, 1_795_436_463.4269361);
        b.add(2, 0, 1_795_436_463.4269361 + 86_399.123);
        ScalarSeries s = b.build();
        assertThat(s.wallTime(0)).isEqualTo(1_795_436_463.4269361);
        assertThat(s.wallTime(1)).isCloseTo(1_795_436_463.4269361 + 86_399.123, within(0.005));
    }

    @Test
    void statsOfOnlyNonFiniteValuesHaveNoMinOrMax() {
        SeriesStats stats = ScalarSeries.of("x", new long[] {1, 2}, new double[] {Double.NaN,
                Double.NEGATIVE_INFINITY}).stats();
        assertThat(stats.min()).isNaN();
        assertThat(stats.max()).isNaN();
        assertThat(stats.nonFinite()).isEqualTo(2);
    }

    @Property
    void stepsAlwaysStrictlyIncreaseAndTheLastWriteOfAStepWins(
            @ForAll @Size(max = 200) java.util.List<@LongRange(min = -5, max = 50) Long> steps) {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("x");
        for (int i = 0; i < steps.size(); i++) {
            b.add(steps.get(i), i, Double.NaN);
        }
        ScalarSeries s = b.build();
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.step(i)).isGreaterThan(s.step(i - 1));
        }
        if (!steps.isEmpty()) {
            assertThat(s.lastStep()).isEqualTo(steps.get(steps.size() - 1));
            assertThat(s.lastValue()).isEqualTo(steps.size() - 1);
        }
    }
}
