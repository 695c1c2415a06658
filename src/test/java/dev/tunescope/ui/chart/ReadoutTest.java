package dev.tunescope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ScalarSeries;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The crosshair's reading, without a toolkit. */
class ReadoutTest {
    private static final ScalarSeries LOW = ScalarSeries.of("loss", new long[] {0, 10, 20}, new double[] {3, 2, 1});
    private static final ScalarSeries HIGH = ScalarSeries.of("loss", new long[] {0, 10, 20}, new double[] {9, 8, 7});
    private static final ScalarSeries DIVERGED = ScalarSeries.of("loss", new long[] {0, 10, 20},
            new double[] {5, Double.NaN, Double.NaN});
    private static final ScalarSeries SPARSE = ScalarSeries.of("loss", new long[] {0, 40}, new double[] {4, 5});

    private static SeriesCache cache(double smoothing) {
        return SeriesCache.build(List.of(new NamedSeries("low", LOW, "#0072B2"), new NamedSeries("nan", DIVERGED,
                "#000000"), new NamedSeries("high", HIGH, "#D55E00"), new NamedSeries("sparse", SPARSE,
                "#009E73")), null, smoothing);
    }

    @Test
    void rowsAreSortedHighestFirstWithNonFiniteValuesLast() {
        Readout reading = Readout.at(cache(0), 11, Set.of());
        assertThat(reading.step()).isEqualTo(10);
        assertThat(reading.rows()).extracting(Readout.Row::name).containsExactly("high", "sparse", "low", "nan");
        assertThat(reading.rows()).extracting(Readout.Row::color).containsExactly("#D55E00", "#009E73",
                "#0072B2", "#000000");
        assertThat(reading.text()).isEqualTo("step 10\nhigh: 8\nsparse: 4 @ 0\nlow: 2\nnan: NaN");
    }

    @Test
    void hiddenSeriesAreNotRead() {
        Readout reading = Readout.at(cache(0), 20, Set.of("high", "sparse"));
        assertThat(reading.rows()).extracting(Readout.Row::name).containsExactly("low", "nan");
        assertThat(Readout.at(cache(0), 20, Set.of("high", "sparse", "low", "nan"))).isNull();
    }

    @Test
    void aSmoothedChartReadsTheSmoothedValueWithTheRawOneBeside() {
        Readout reading = Readout.at(cache(0.5), 20, Set.of("nan", "sparse", "high"));
        Readout.Row low = reading.rows().get(0);
        assertThat(low.raw()).isEqualTo(1);
        assertThat(low.value()).isGreaterThan(1).isLessThan(3);
        assertThat(reading.text(low)).startsWith("low: ").endsWith("(raw 1)");
    }
}
