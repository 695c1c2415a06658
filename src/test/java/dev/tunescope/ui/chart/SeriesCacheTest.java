package dev.tunescope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.plot.NonFinite;
import dev.tunescope.plot.NonFiniteStretch;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.run.ScalarSeries;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a chart derives from its series once: stretches, ranges, smoothing. */
class SeriesCacheTest {

    /** A run that climbs to 1e20, then logs NaN from step 130 on, and a stable run near 1. */
    private static List<NamedSeries> divergedAndStable() {
        long[] steps = new long[200];
        double[] diverged = new double[200];
        double[] stable = new double[200];
        for (int i = 0; i < 200; i++) {
            steps[i] = i;
            diverged[i] = i < 128 ? 2 - i * 0.001 : i < 130 ? Math.pow(10, 10 * (i - 127)) : Double.NaN;
            stable[i] = 1 + 0.1 * Math.sin(i);
        }
        return List.of(new NamedSeries("lr 3", ScalarSeries.of("loss", steps, diverged), "#D55E00"),
                new NamedSeries("lr 0.01", ScalarSeries.of("loss", steps, stable), "#0072B2"));
    }

    @Test
    void aNanStretchIsFoundAndLabelledAndLeftOutOfTheYRange() {
        SeriesCache cache = SeriesCache.build(divergedAndStable(), null, 0);
        assertThat(cache.stretches.get(0)).containsExactly(new NonFiniteStretch(130, 199, NonFinite.NAN));
        assertThat(cache.stretches.get(0).get(0).label()).isEqualTo("NaN from step 130");
        assertThat(cache.stretches.get(1)).isEmpty();
        assertThat(Double.isFinite(cache.yRange(ScaleType.LINEAR, false).max())).isTrue();
        assertThat(cache.yRange(ScaleType.LOG, false).max()).as("every finite value: the climb to 1e20")
                .isGreaterThan(1e19);
        assertThat(cache.yRange(ScaleType.LOG, true).max()).as("without outliers the stable run fills the plot")
                .isLessThan(10);
        assertThat(cache.yRange(ScaleType.LOG, true).min()).isGreaterThan(0.5);
    }

    @Test
    void aSeriesKeptAcrossSelectionsKeepsItsPyramidAndSmoothingIsBuiltOnce() {
        List<NamedSeries> series = divergedAndStable();
        SeriesCache first = SeriesCache.build(series, null, 0);
        SeriesCache second = SeriesCache.build(List.of(series.get(1)), first, 0.6);
        assertThat(second.pyramids.get(0)).isSameAs(first.pyramids.get(1));
        assertThat(second.isSmoothed()).isTrue();
        assertThat(second.withSmoothing(0.6)).isSameAs(second);
        assertThat(second.withSmoothing(0).isSmoothed()).isFalse();
    }
}
