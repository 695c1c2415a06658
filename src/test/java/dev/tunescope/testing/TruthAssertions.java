package dev.tunescope.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.SeriesStats;

/** Checks a series against its entry in the fixtures' truth.json, the same way for every format. */
public final class TruthAssertions {
    private TruthAssertions() {
    }

    /**
     * Count, first and last step, last value (NaN included), NaN and Inf counts, and the finite min and max (NaN
     * where truth.json has none).
     */
    public static void assertMatchesTruth(ScalarSeries series, JsonNode expected, String where) {
        SeriesStats stats = series.stats();
        assertThat(series.size()).as(where + " count").isEqualTo(expected.get("count").asInt());
        assertThat(series.firstStep()).as(where + " first step").isEqualTo(expected.get("first_step").asLong());
        assertThat(series.lastStep()).as(where + " last step").isEqualTo(expected.get("last_step").asLong());
        // boxed, so that NaN equals NaN (Double.equals) while 0.0 and -0.0 still differ
        assertThat(Double.valueOf(series.lastValue())).as(where + " last value")
                .isEqualTo(Double.valueOf(Fixtures.number(expected.get("last_value"))));
        assertThat(stats.nonFinite()).as(where + " non-finite").isEqualTo(expected.get("n_nonfinite").asInt());
        assertThat(stats.nan()).as(where + " NaN").isEqualTo(expected.get("n_nan").asInt());
        assertThat(stats.positiveInfinity() + stats.negativeInfinity()).as(where + " Inf")
                .isEqualTo(expected.get("n_inf").asInt());
        if (expected.get("min_finite").isNull()) {
            assertThat(stats.min()).as(where + " min").isNaN();
            assertThat(stats.max()).as(where + " max").isNaN();
        } else {
            assertThat(stats.min()).as(where + " min").isEqualTo(expected.get("min_finite").asDouble());
            assertThat(stats.max()).as(where + " max").isEqualTo(expected.get("max_finite").asDouble());
        }
    }
}
