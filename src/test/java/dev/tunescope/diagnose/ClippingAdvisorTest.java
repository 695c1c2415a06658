package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.PercentilesTest.histogram;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.ScalarSeries;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ClippingAdvisorTest {
    private static final ClippingAdvisor.Settings DEFAULTS = ClippingAdvisor.Settings.DEFAULTS;

    /** Norms 1, 2, ..., n at steps 1..n. */
    private static ScalarSeries ramp(int n) {
        return series(LongStream.rangeClosed(1, n).asDoubleStream().toArray());
    }

    private static ScalarSeries series(double... values) {
        return ScalarSeries.of("grad_norm", LongStream.rangeClosed(1, values.length).toArray(), values);
    }

    private static ClippingAdvice advise(ScalarSeries norms, double percentile) {
        return ClippingAdvisor.advise("run-a", "grad_norm", norms, new ClippingAdvisor.Settings(percentile, 0.5))
                .orElseThrow();
    }

    @Test
    void thresholdIsThe90thPercentileAndOnlyLargerNormsAreClipped() {
        ClippingAdvice advice = advise(ramp(10), 90); // rank 8.1 of 1..10: 9.1; only 10 lies above
        assertThat(advice.threshold()).isCloseTo(9.1, within(1e-12));
        assertThat(advice.updates()).isEqualTo(10);
        assertThat(advice.clipped()).isEqualTo(1);
        assertThat(advice.clippedFraction()).isEqualTo(0.1);
        assertThat(advice.source()).isEqualTo("scalars");
        assertThat(advice.findings()).singleElement().satisfies(info -> {
            assertThat(info.rule()).isEqualTo("clipping");
            assertThat(info.severity()).isEqualTo(Severity.INFO);
            assertThat(info.message()).isEqualTo("Clip gradients at 9.1, the 90th percentile of 10 gradient norms of"
                    + " run-a: 1 of its updates (10%) lie above it.");
            assertThat(info.evidence().marks()).containsExactly(Mark.point("run-a", "grad_norm", 10, 10));
            assertThat(info.evidence().numbers()).containsEntry("percentile", 90.0)
                    .containsEntry("clipped_fraction", 0.1).containsEntry("clipped", 1.0)
                    .containsEntry("non_finite", 0.0);
            assertThat(info.evidence().runs()).containsExactly("run-a");
        });
    }

    @Test
    void nonFiniteNormsAreCountedApart() {
        ClippingAdvice advice = advise(series(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Double.NaN, Double.POSITIVE_INFINITY),
                90);
        assertThat(advice.threshold()).isCloseTo(9.1, within(1e-12));
        assertThat(advice.updates()).isEqualTo(10);
        assertThat(advice.clipped()).isEqualTo(1);
        Finding info = advice.findings().get(0);
        assertThat(info.evidence().numbers()).containsEntry("non_finite", 2.0);
        assertThat(info.message()).contains("2 non-finite norms left out");
    }

    @Test
    void warnsWhenMoreThanHalfTheUpdatesWouldBeClipped() {
        ClippingAdvice advice = advise(ramp(10), 40); // rank 3.6: 4.6; 5..10 lie above: 60%
        assertThat(advice.threshold()).isCloseTo(4.6, within(1e-12));
        assertThat(advice.clippedFraction()).isEqualTo(0.6);
        assertThat(advice.findings()).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.WARNING);
        assertThat(advice.findings().get(1).message()).isEqualTo("Clipping at 4.6 would touch 60% of "
                + "updates: this is a lower learning rate in disguise; lower the learning rate instead.");
    }

    @Test
    void theShareThatDecidesIsTheOneAtTheRateClippingIsMeantFor() {
        // p90 of lr*'s norms 1..10 is 9.1 (10% above by construction); the unstable rate's norms are 6..15
        ClippingAdvice atLrStar = advise(ramp(10), 90);
        ScalarSeries unstable = series(6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
        ClippingAdvice advice = ClippingAdvisor.forTarget(atLrStar, "run-b", 0.3, unstable,
                ClippingAdvisor.Settings.DEFAULTS);
        assertThat(advice.clippedFraction()).isEqualTo(0.1);
        ClippingAdvice.Target target = advice.target().orElseThrow();
        assertThat(target.run()).isEqualTo("run-b");
        assertThat(target.clippedFraction()).isEqualTo(0.6); // 10..15 lie above 9.1
        assertThat(advice.decidingFraction()).isEqualTo(0.6);
        assertThat(advice.findings()).anySatisfy(f -> assertThat(f.message()).isEqualTo("At lr 0.3, the rate"
                + " clipping is meant to make trainable, 6 of 10 updates (60%) have a gradient norm above 9.1."));
        assertThat(advice.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).isEqualTo("Clipping at 9.1 would touch 60% of updates at lr 0.3: this is a lower"
                    + " learning rate in disguise; lower the learning rate instead.");
        });
    }

    @Test
    void exactlyHalfDoesNotWarn() {
        ClippingAdvice advice = advise(ramp(10), 50); // rank 4.5: 5.5; 6..10 lie above: exactly 50%
        assertThat(advice.clippedFraction()).isEqualTo(0.5);
        assertThat(advice.findings()).extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void theWarningFractionIsASetting() {
        ClippingAdvice advice = ClippingAdvisor.advise("run-a", "grad_norm", ramp(10),
                new ClippingAdvisor.Settings(90, 0.05)).orElseThrow();
        assertThat(advice.findings()).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.WARNING);
    }

    @Test
    void percentileZeroAndHundred() {
        ClippingAdvice atZero = advise(ramp(10), 0);
        assertThat(atZero.threshold()).isEqualTo(1);
        assertThat(atZero.clipped()).isEqualTo(9);
        assertThat(atZero.findings()).extracting(Finding::severity).contains(Severity.WARNING);
        ClippingAdvice atHundred = advise(ramp(10), 100);
        assertThat(atHundred.threshold()).isEqualTo(10);
        assertThat(atHundred.clipped()).isZero();
        assertThat(atHundred.findings().get(0).evidence().marks()).isEmpty();
    }

    @Test
    void tiedNormsClipNothing() {
        ClippingAdvice advice = advise(series(7, 7, 7, 7), 90);
        assertThat(advice.threshold()).isEqualTo(7);
        assertThat(advice.clipped()).isZero();
    }

    @Test
    void onePointIsItsOwnThreshold() {
        ClippingAdvice advice = advise(series(3), 90);
        assertThat(advice.threshold()).isEqualTo(3);
        assertThat(advice.updates()).isEqualTo(1);
        assertThat(advice.clipped()).isZero();
    }

    @Test
    void noFiniteNormMeansNoAdvice() {
        assertThat(ClippingAdvisor.advise("r", "g", series(), DEFAULTS)).isEmpty();
        assertThat(ClippingAdvisor.advise("r", "g", series(Double.NaN, Double.POSITIVE_INFINITY), DEFAULTS))
                .isEmpty();
    }

    @Test
    void marksAreCappedAtTheLargestNormsWithTheTotalInTheNumbers() {
        ClippingAdvice advice = advise(ramp(1000), 0); // threshold 1: 999 clipped
        Finding info = advice.findings().get(0);
        assertThat(advice.clipped()).isEqualTo(999);
        assertThat(info.evidence().marks()).hasSize(ClippingAdvisor.MAX_MARKS);
        assertThat(info.evidence().marks()).extracting(Mark::fromStep)
                .containsExactlyElementsOf(LongStream.rangeClosed(801, 1000).boxed().toList());
        assertThat(info.evidence().numbers()).containsEntry("clipped", 999.0).containsEntry("marks_shown", 200.0);
    }

    @Test
    void fractionAboveAnyThreshold() {
        assertThat(ClippingAdvisor.fractionAbove(ramp(10), 7.5)).isEqualTo(0.3);
        assertThat(ClippingAdvisor.fractionAbove(ramp(10), 7)).isEqualTo(0.3); // strictly above
        assertThat(ClippingAdvisor.fractionAbove(ramp(10), 0)).isEqualTo(1);
        assertThat(ClippingAdvisor.fractionAbove(series(1, Double.NaN, 3), 2)).isEqualTo(0.5);
        assertThat(ClippingAdvisor.fractionAbove(series(Double.NaN), 2)).isNaN();
    }

    @Test
    void histogramsOfNormsAreMergedAndTheClippedCountEstimated() {
        // each: 5 norms in [0,1], 3 in (1,2], 2 in (2,4]; merged: 10, 6, 4 of 20. 90% = 18: halfway into (2,4] = 3
        HistogramSeries norms = new HistogramSeries("grad_norm_hist", List.of(
                new HistogramSeries.Point(100, Double.NaN, histogram(0, 4, new double[] {1, 2, 4},
                        new double[] {5, 3, 2})),
                new HistogramSeries.Point(200, Double.NaN, histogram(0, 4, new double[] {1, 2, 4},
                        new double[] {5, 3, 2}))));
        ClippingAdvice advice = ClippingAdvisor.adviseFromHistograms("run-h", norms, DEFAULTS).orElseThrow();
        assertThat(advice.source()).isEqualTo("histograms");
        assertThat(advice.threshold()).isCloseTo(3, within(1e-12));
        assertThat(advice.updates()).isEqualTo(20);
        assertThat(advice.clipped()).isEqualTo(2);
        assertThat(advice.clippedFraction()).isEqualTo(0.1);
        Finding info = advice.findings().get(0);
        assertThat(info.message()).contains("estimated from bucket counts");
        assertThat(info.evidence().marks()).containsExactly(Mark.point("run-h", "grad_norm_hist", 100, 1),
                Mark.point("run-h", "grad_norm_hist", 200, 1));
    }

    @Test
    void histogramsThatCountNothingGiveNoAdvice() {
        HistogramSeries none = new HistogramSeries("g", List.of());
        assertThat(ClippingAdvisor.adviseFromHistograms("r", none, DEFAULTS)).isEmpty();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new ClippingAdvisor.Settings(120, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClippingAdvisor.Settings(90, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DEFAULTS).isEqualTo(new ClippingAdvisor.Settings(90, 0.5));
    }

    @Property
    void clippedFractionAtThePthPercentileIsAtMostItsShareOfUpdates(
            @ForAll @Size(min = 1, max = 80) double[] norms,
            @ForAll @DoubleRange(min = 0, max = 100) double p) {
        Optional<ClippingAdvice> advice = ClippingAdvisor.advise("run-p", "g", series(norms),
                new ClippingAdvisor.Settings(p, 0.5));
        long finite = Arrays.stream(norms).filter(Double::isFinite).count();
        assertThat(advice.isPresent()).isEqualTo(finite > 0);
        advice.ifPresent(a -> {
            assertThat(a.clippedFraction()).isLessThanOrEqualTo((100 - p) / 100 + 1.0 / finite + 1e-12);
            assertThat(a.clippedFraction()).isEqualTo(ClippingAdvisor.fractionAbove(series(norms), a.threshold()));
            assertThat(a.findings()).flatMap(f -> f.evidence().marks()).allSatisfy(m ->
                    assertThat(m.run()).isEqualTo("run-p"));
            assertThat(a.findings()).flatMap(f -> f.evidence().runs()).containsOnly("run-p");
        });
    }
}
