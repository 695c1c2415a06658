package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.run.Histogram;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PercentilesTest {
    private static final double NAN = Double.NaN;

    @Test
    void interpolatesBetweenTheClosestRanks() {
        assertThat(Percentiles.linear(new double[] {1, 2, 3, 4}, 50)).isEqualTo(2.5); // rank 1.5
        assertThat(Percentiles.linear(new double[] {5, 1, 4, 2, 3}, 90)).isEqualTo(4.6); // rank 3.6
        assertThat(Percentiles.linear(new double[] {5, 1, 4, 2, 3}, 0)).isEqualTo(1);
        assertThat(Percentiles.linear(new double[] {5, 1, 4, 2, 3}, 100)).isEqualTo(5);
        assertThat(Percentiles.linear(new double[] {5, 1, 4, 2, 3}, 25)).isEqualTo(2); // rank exactly 1
    }

    /** Values printed by numpy 2.4 {@code numpy.percentile(values, p)}, compared bit for bit. */
    @Test
    void matchesNumpyToTheLastBit() {
        assertThat(Percentiles.linear(new double[] {0.045, 0.904, 0.694}, 33)).isEqualTo(0.47334);
        assertThat(Percentiles.linear(new double[] {0.045, 0.904, 0.694}, 67)).isEqualTo(0.7654);
        assertThat(Percentiles.linear(new double[] {3, 1, 4, 1, 5, 9, 2, 6}, 90)).isEqualTo(6.8999999999999995);
        assertThat(Percentiles.linear(new double[] {0.1, 0.2, 0.7}, 90)).isEqualTo(0.6);
        assertThat(Percentiles.linear(new double[] {1e-3, 7, 7, 7, 2e5}, 12.5)).isEqualTo(3.5005);
    }

    @Test
    void usesFiniteValuesOnly() {
        assertThat(Percentiles.linear(new double[] {NAN, 3, Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY},
                50)).isEqualTo(2);
        assertThat(Percentiles.linear(new double[] {NAN, NAN}, 90)).isNaN();
        assertThat(Percentiles.linear(new double[0], 90)).isNaN();
        assertThat(Percentiles.linear(new double[] {2.5}, 37)).isEqualTo(2.5);
    }

    @Test
    void tiesGiveTheTiedValue() {
        assertThat(Percentiles.linear(new double[] {7, 7, 7, 7}, 90)).isEqualTo(7);
        assertThat(Percentiles.linear(new double[] {1, 7, 7, 7}, 10)).isCloseTo(2.8, within(1e-12)); // rank 0.3: 1 + 0.3*6
    }

    @Test
    void rejectsPercentsOutsideZeroToHundred() {
        assertThatThrownBy(() -> Percentiles.linear(new double[] {1}, -0.1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 100]");
        assertThatThrownBy(() -> Percentiles.linear(new double[] {1}, 100.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.linear(new double[] {1}, NAN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.fromHistogram(histogram(0, 1, new double[] {1}, new double[] {1}), 101))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void histogramPercentileInterpolatesInsideTheBucket() {
        // buckets [0,1] holds 2, (1,3] holds 6, (3,4] holds 2: total 10
        Histogram h = histogram(0, 4, new double[] {1, 3, 4}, new double[] {2, 6, 2});
        assertThat(Percentiles.fromHistogram(h, 10)).isCloseTo(0.5, within(1e-12)); // 1 of 2 in [0,1]
        assertThat(Percentiles.fromHistogram(h, 20)).isCloseTo(1, within(1e-12));
        assertThat(Percentiles.fromHistogram(h, 50)).isCloseTo(2, within(1e-12)); // 3 of 6 in (1,3]
        assertThat(Percentiles.fromHistogram(h, 90)).isCloseTo(3.5, within(1e-12));
        assertThat(Percentiles.fromHistogram(h, 0)).isEqualTo(0);
        assertThat(Percentiles.fromHistogram(h, 100)).isEqualTo(4);
    }

    @Test
    void histogramPercentileSkipsEmptyBucketsAndHoldsTensorBoardsHugeLimitsToTheRange() {
        double huge = Double.MAX_VALUE;
        // TensorBoard style: a first bucket from -MAX, an empty bucket, the last limit +MAX; values lie in [2, 6].
        Histogram h = histogram(2, 6, new double[] {-huge, 0, 4, huge}, new double[] {0, 0, 4, 4});
        assertThat(Percentiles.fromHistogram(h, 0)).isEqualTo(2);
        assertThat(Percentiles.fromHistogram(h, 25)).isCloseTo(3, within(1e-12)); // bucket (0,4] held to [2,4]
        assertThat(Percentiles.fromHistogram(h, 75)).isCloseTo(5, within(1e-12)); // bucket (4,MAX] held to (4,6]
        assertThat(Percentiles.fromHistogram(h, 100)).isEqualTo(6);
    }

    @Test
    void histogramThatCountsNothingHasNoPercentile() {
        assertThat(Percentiles.fromHistogram(histogram(NAN, NAN, new double[0], new double[0]), 50)).isNaN();
        assertThat(Percentiles.fromHistogram(histogram(0, 1, new double[] {1}, new double[] {0}), 50)).isNaN();
    }

    @Test
    void zeroWidthBucketGivesItsValue() {
        Histogram h = histogram(3, 3, new double[] {3}, new double[] {5});
        assertThat(Percentiles.fromHistogram(h, 0)).isEqualTo(3);
        assertThat(Percentiles.fromHistogram(h, 90)).isEqualTo(3);
    }

    @Property
    void percentileIsMonotoneInPAndLiesBetweenMinAndMax(
            @ForAll @Size(min = 1, max = 60) double[] values,
            @ForAll @DoubleRange(min = 0, max = 100) double p,
            @ForAll @DoubleRange(min = 0, max = 100) double q) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).toArray();
        double low = Percentiles.linear(values, Math.min(p, q));
        double high = Percentiles.linear(values, Math.max(p, q));
        if (finite.length == 0) {
            assertThat(low).isNaN();
            return;
        }
        assertThat(low).isLessThanOrEqualTo(high);
        assertThat(low).isBetween(Arrays.stream(finite).min().getAsDouble(), Arrays.stream(finite).max().getAsDouble());
        assertThat(high).isBetween(Arrays.stream(finite).min().getAsDouble(),
                Arrays.stream(finite).max().getAsDouble());
    }

    @Property
    void histogramPercentileIsMonotoneAndInsideTheRange(
            @ForAll @Size(min = 1, max = 20) double[] rawCounts,
            @ForAll @DoubleRange(min = 0, max = 100) double p,
            @ForAll @DoubleRange(min = 0, max = 100) double q) {
        double[] counts = Arrays.stream(rawCounts).map(c -> Double.isFinite(c) ? Math.abs(c) % 1000 : 1).toArray();
        double[] limits = new double[counts.length];
        for (int i = 0; i < limits.length; i++) {
            limits[i] = 1 + i * 0.5;
        }
        Histogram h = histogram(0.25, limits[limits.length - 1], limits, counts);
        double low = Percentiles.fromHistogram(h, Math.min(p, q));
        double high = Percentiles.fromHistogram(h, Math.max(p, q));
        if (Arrays.stream(counts).sum() == 0) {
            assertThat(low).isNaN();
            return;
        }
        assertThat(low).isLessThanOrEqualTo(high).isBetween(h.min(), h.max());
        assertThat(high).isBetween(h.min(), h.max());
    }

    static Histogram histogram(double min, double max, double[] limits, double[] counts) {
        return new Histogram(min, max, Arrays.stream(counts).sum(), NAN, NAN, limits, counts);
    }
}
