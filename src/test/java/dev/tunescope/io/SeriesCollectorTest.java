package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.ScalarSeriesBuilder;
import org.junit.jupiter.api.Test;

/** The budget of one run: what the series hold is counted as they grow, and past it points are not kept. */
class SeriesCollectorTest {
    private static final long HUNDRED_POINTS = RunFootprint.PER_SERIES + hundredPoints().heldBytes();

    private static ScalarSeriesBuilder hundredPoints() {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("loss");
        for (int step = 1; step <= 100; step++) {
            builder.add(step, 1.0 / step, Double.NaN);
        }
        return builder;
    }

    @Test
    void pointsPastTheBudgetAreNotKeptAndOneWarningSaysWhereThatBegan() {
        SeriesCollector collector = new SeriesCollector(HUNDRED_POINTS);
        for (int step = 1; step <= 150; step++) {
            collector.scalar("loss", step, 1.0 / step, Double.NaN, "metrics.jsonl", 10L * step, step);
        }
        assertThat(collector.scalars().get("loss").size()).isEqualTo(100);
        assertThat(collector.warnings()).containsExactly(ReadWarning.atLine("metrics.jsonl", 1010, 101,
                "this run's series reached 1 KB, the most one run may hold in this heap, so the values from here on"
                        + " were not read (a larger -Xmx reads them)"));

        collector.clear();
        collector.scalar("loss", 1, 1.0, Double.NaN, "metrics.jsonl", 0, 1);
        assertThat(collector.scalars().get("loss").size()).as("read again from the start").isEqualTo(1);
        assertThat(collector.warnings()).isEmpty();
    }

    @Test
    void pointsARestartReplacesAreNotCountedTwice() {
        SeriesCollector collector = new SeriesCollector(HUNDRED_POINTS + 1);
        for (int pass = 0; pass < 3; pass++) {
            for (int step = 1; step <= 100; step++) {
                collector.scalar("loss", step, pass, Double.NaN, "events", step, -1);
            }
        }
        assertThat(collector.scalars().get("loss").valuesCopy()).hasSize(100).containsOnly(2.0);
        assertThat(collector.warnings()).extracting(ReadWarning::message).noneMatch(m -> m.contains("were not read"));
    }

    @Test
    void pointsAddedByNumberGoWhereTheSamePointsByNameGo() {
        SeriesCollector byName = new SeriesCollector(1L << 30);
        SeriesCollector byNumber = new SeriesCollector(1L << 30);
        int loss = byNumber.scalarId("loss");
        int norm = byNumber.scalarId("grad_norm");
        assertThat(byNumber.scalarId("loss")).isEqualTo(loss);
        for (int step = 1; step <= 3000; step++) {
            long at = step % 1000; // steps go back twice: the restart rule and its warning
            byName.scalar("grad_norm", at, step, step + 0.5, "events", step, -1);
            byName.scalar("loss", at, -step, Double.NaN, "events", step, -1);
            byNumber.scalar(norm, at, step, step + 0.5, "events", step, -1);
            byNumber.scalar(loss, at, -step, Double.NaN, "events", step, -1);
        }
        assertThat(byNumber.scalars().keySet()).containsExactly("grad_norm", "loss"); // the order points came in
        for (String tag : byName.scalars().keySet()) {
            ScalarSeries expected = byName.scalars().get(tag);
            ScalarSeries actual = byNumber.scalars().get(tag);
            assertThat(actual.stepsCopy()).isEqualTo(expected.stepsCopy());
            assertThat(actual.valuesCopy()).isEqualTo(expected.valuesCopy());
            assertThat(actual.hasWallTimes()).isEqualTo(expected.hasWallTimes());
            assertThat(wallTimes(actual)).isEqualTo(wallTimes(expected));
        }
        assertThat(byNumber.warnings()).isEqualTo(byName.warnings()).hasSize(2);
    }

    private static double[] wallTimes(ScalarSeries series) {
        double[] walls = new double[series.size()];
        for (int i = 0; i < walls.length; i++) {
            walls[i] = series.wallTime(i);
        }
        return walls;
    }

    @Test
    void aNumberOutlivesClearingItsSeries() {
        SeriesCollector collector = new SeriesCollector(1L << 30);
        int loss = collector.scalarId("loss");
        collector.scalar(loss, 1, 1.0, Double.NaN, "events", 0, -1);
        collector.clearScalar("loss");
        assertThat(collector.scalars()).isEmpty();
        collector.scalar(loss, 2, 2.0, Double.NaN, "events", 0, -1);
        assertThat(collector.scalars().get("loss").size()).isEqualTo(1);
        collector.clear();
        collector.scalar(loss, 3, 3.0, Double.NaN, "events", 0, -1);
        assertThat(collector.scalars().get("loss").step(0)).isEqualTo(3);
        collector.scalar("loss", 4, 4.0, Double.NaN, "events", 0, -1);
        assertThat(collector.scalars().get("loss").size()).as("by name and by number: one series").isEqualTo(2);
    }

    @Test
    void aNumberedTagGetsNoSeriesUntilAPointIsKept() {
        SeriesCollector collector = new SeriesCollector(0);
        collector.scalarId("loss");
        collector.scalar(collector.scalarId("loss"), 1, 1.0, Double.NaN, "events", 0, -1);
        assertThat(collector.scalars()).isEmpty();
    }
}
