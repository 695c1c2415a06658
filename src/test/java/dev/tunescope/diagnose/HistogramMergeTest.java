package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.PercentilesTest.histogram;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.run.Histogram;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HistogramMergeTest {

    @Test
    void sameLimitsAddExactly() {
        Histogram a = histogram(0, 3, new double[] {1, 2, 3}, new double[] {1, 2, 3});
        Histogram b = histogram(0, 3, new double[] {1, 2, 3}, new double[] {4, 0, 1});
        Histogram merged = HistogramMerge.merge(List.of(a, b));
        assertThat(merged.min()).isEqualTo(0);
        assertThat(merged.max()).isEqualTo(3);
        assertThat(merged.bucketLimits()).containsExactly(0, 1, 2, 3); // bucket 0 is the point 0
        assertThat(merged.counts()).containsExactly(0, 5, 2, 4);
        assertThat(merged.num()).isEqualTo(11);
    }

    @Test
    void differentLimitsShareCountsByWidth() {
        Histogram a = histogram(0, 4, new double[] {4}, new double[] {8}); // 8 values over [0,4]
        Histogram b = histogram(1, 2, new double[] {2}, new double[] {3}); // 3 values over [1,2]
        Histogram merged = HistogramMerge.merge(List.of(a, b));
        assertThat(merged.bucketLimits()).containsExactly(0, 1, 2, 4);
        assertThat(merged.counts()).containsExactly(0, 2, 5, 4);
        assertThat(Buckets.countAbove(merged, 3)).isCloseTo(2, within(1e-12));
    }

    @Test
    void emptyInputsGiveAnEmptyHistogram() {
        Histogram empty = histogram(0, 1, new double[] {1}, new double[] {0});
        assertThat(HistogramMerge.merge(List.of()).bucketCount()).isZero();
        assertThat(HistogramMerge.merge(List.of(empty)).bucketCount()).isZero();
    }

    @Test
    void countAboveAndBelowSplitTheBucketLinearly() {
        Histogram h = histogram(0, 4, new double[] {1, 3, 4}, new double[] {2, 6, 2});
        assertThat(Buckets.countAtOrBelow(h, 2)).isCloseTo(5, within(1e-12));
        assertThat(Buckets.countAbove(h, 3.5)).isCloseTo(1, within(1e-12));
        assertThat(Buckets.countAbove(h, -1)).isEqualTo(10);
        assertThat(Buckets.countAbove(h, 4)).isZero();
    }

    @Property
    void mergingKeepsTheTotalAndTheSumOfTheEstimatedTails(
            @ForAll @IntRange(min = 1, max = 6) int histograms,
            @ForAll @DoubleRange(min = 0, max = 10) double x,
            @ForAll("seeds") long seed) {
        Random random = new Random(seed);
        List<Histogram> parts = IntStream.range(0, histograms).mapToObj(k -> {
            int buckets = 1 + random.nextInt(5);
            double[] limits = new double[buckets];
            double[] counts = new double[buckets];
            double min = random.nextDouble() * 3;
            double edge = min;
            for (int i = 0; i < buckets; i++) {
                edge += random.nextDouble() * 2;
                limits[i] = edge;
                counts[i] = random.nextInt(4);
            }
            return histogram(min, edge, limits, counts);
        }).toList();
        Histogram merged = HistogramMerge.merge(parts);
        double total = parts.stream().mapToDouble(Buckets::total).sum();
        double tails = parts.stream().mapToDouble(h -> Buckets.countAbove(h, x)).sum();
        assertThat(Buckets.total(merged)).isCloseTo(total, within(1e-9));
        assertThat(Buckets.countAbove(merged, x)).isCloseTo(tails, within(1e-9));
        assertThat(Arrays.stream(merged.bucketLimits()).sorted().toArray()).containsExactly(merged.bucketLimits());
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }
}
