package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
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
}
