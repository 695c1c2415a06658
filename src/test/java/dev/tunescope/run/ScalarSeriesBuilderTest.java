package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
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
        // steps 1, 2, 5 and times 0, 500, 1250 ms off their lines by one step and 125 ms: 16-bit residuals
        assertThat(s.layout()).isEqualTo(new SeriesLayout(1, 1, 2, 2));
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

    @Test
    void aSeriesOfOnePointReservesRoomForAFewPointsOnly() {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("loss");
        b.add(1, 0.5, Double.NaN);
        assertThat(b.reservedBytes()).isEqualTo(16 + 16L * ScalarSeriesBuilder.FIRST_BLOCK); // no wall times
        b.add(2, 0.4, 1000.0);
        assertThat(b.reservedBytes()).isEqualTo(16 + 24L * ScalarSeriesBuilder.FIRST_BLOCK);
        assertThat(b.build().retainedBytes()).isLessThan(1024);
    }

    @Test
    void growthIsGeometricAndBuildingTrimsToTheSize() {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("loss");
        int changes = 0; // a growth of the plain columns, or a block sealed (its points compacted, never copied again)
        long reserved = 0;
        for (int step = 0; step < 100_000; step++) {
            b.add(step, step, 1000.0 + step);
            if (b.reservedBytes() != reserved) {
                changes++;
                reserved = b.reservedBytes();
            }
        }
        int growths = Integer.numberOfTrailingZeros(PointBlock.CAPACITY / ScalarSeriesBuilder.FIRST_BLOCK) + 1;
        assertThat(changes).isLessThanOrEqualTo(growths + 100_000 / PointBlock.CAPACITY);
        assertThat(b.reservedBytes()).isLessThan(5L * 100_000 + 24L * PointBlock.CAPACITY);
        ScalarSeries built = b.build();
        // a stride of steps, float values, wall times a second apart: the values' 4 bytes and the blocks' headers
        assertThat(b.reservedBytes()).isEqualTo(built.retainedBytes()).isLessThan(5L * 100_000);
        assertThat(built.layout().stepBytesPerPoint()).isZero();
        assertThat(built.layout().wallBytesPerPoint()).isZero();
    }

    @Test
    void buildingAgainWithoutChangesGivesTheSameSeries() {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("loss");
        b.add(1, 1, Double.NaN);
        ScalarSeries first = b.build();
        assertThat(b.build()).isSameAs(first);
        b.add(2, 2, Double.NaN);
        assertThat(b.build()).isNotSameAs(first);
        assertThat(first.size()).isEqualTo(1);
    }

    @Test
    void wallTimesMetAfterPointsWithoutThemLeaveTheEarlierOnesNaN() {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("loss");
        b.add(1, 1, Double.NaN);
        b.add(2, 2, 500.0);
        ScalarSeries s = b.build();
        assertThat(s.hasWallTimes()).isTrue();
        assertThat(s.wallTime(0)).isNaN();
        assertThat(s.wallTime(1)).isEqualTo(500.0);
    }

    /**
     * Builds share their arrays with the builder, so this checks the promise that makes that safe: whatever is
     * added or dropped later, every series built before still holds exactly the points it was built with, and
     * each build holds what a plain list of the points says.
     */
    @Property
    void aBuiltSeriesNeverChangesWhateverTheBuilderDoesNext(
            @ForAll @Size(max = 300) List<@LongRange(min = -3, max = 60) Long> ops) {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("x");
        List<long[]> model = new ArrayList<>(); // {step, value bits}
        List<ScalarSeries> builds = new ArrayList<>();
        List<List<long[]>> expected = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            long op = ops.get(i);
            if (op < 0) { // a build
                builds.add(b.build());
                expected.add(List.copyOf(model));
                continue;
            }
            long step = op;
            model.removeIf(p -> p[0] >= step);
            model.add(new long[] {step, i});
            b.add(step, i, i % 3 == 0 ? Double.NaN : 1000.0 + i);
        }
        builds.add(b.build());
        expected.add(List.copyOf(model));
        for (int k = 0; k < builds.size(); k++) {
            ScalarSeries s = builds.get(k);
            List<long[]> points = expected.get(k);
            assertThat(s.size()).isEqualTo(points.size());
            for (int j = 0; j < s.size(); j++) {
                assertThat(s.step(j)).isEqualTo(points.get(j)[0]);
                long index = points.get(j)[1];
                assertThat(s.value(j)).isEqualTo((double) index);
                if (index % 3 == 0) {
                    assertThat(s.wallTime(j)).isNaN();
                } else {
                    assertThat(s.wallTime(j)).isEqualTo(1000.0 + index);
                }
            }
        }
    }

    /**
     * The same promise across many blocks (the growing ones, then the fixed ones past 16,376 points): runs of up to
     * 30,000 points, restarts back to any earlier step, and builds in between, against a plain list of the points.
     */
    @Property(tries = 60)
    void acrossManyBlocksEveryBuildHoldsWhatAPlainListHolds(
            @ForAll @Size(max = 12) List<@IntRange(min = -30_000, max = 30_000) Integer> ops) {
        ScalarSeriesBuilder b = new ScalarSeriesBuilder("x");
        List<Long> model = new ArrayList<>();
        List<ScalarSeries> builds = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        long next = 0;
        long value = 0;
        for (int op : ops) {
            if (op == 0) {
                builds.add(b.build());
                expected.add(model.stream().mapToLong(Long::longValue).toArray());
                continue;
            }
            long from = op > 0 ? next : Math.max(0, next + op);
            int count = op > 0 ? op : 1;
            for (long step = from; step < from + count; step++) {
                while (!model.isEmpty() && model.get(model.size() - 1) >= step) {
                    model.remove(model.size() - 1);
                }
                model.add(step);
                b.add(step, value++, step % 7 == 0 ? Double.NaN : 5000.0 + step);
            }
            next = from + count;
        }
        builds.add(b.build());
        expected.add(model.stream().mapToLong(Long::longValue).toArray());
        for (int k = 0; k < builds.size(); k++) {
            assertThat(builds.get(k).stepsCopy()).isEqualTo(expected.get(k));
            ScalarSeries s = builds.get(k);
            for (int j = 0; j < s.size(); j++) {
                if (s.step(j) % 7 == 0) {
                    assertThat(s.wallTime(j)).isNaN();
                } else {
                    assertThat(s.wallTime(j)).isEqualTo(5000.0 + s.step(j));
                }
            }
        }
        ScalarSeries last = builds.get(builds.size() - 1);
        for (int j = 1; j < last.size(); j++) {
            assertThat(last.value(j)).isGreaterThan(last.value(j - 1)); // each kept point is the newest at its step
        }
    }
}
