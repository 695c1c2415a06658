package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class BatchSizeAdvisorTest {
    private static final BatchSizeAdvisor.Settings DEFAULTS = BatchSizeAdvisor.Settings.DEFAULTS;
    private static final OptionalInt NO_OOM = OptionalInt.empty();

    private static ThroughputPoint at(int batch, double examplesPerSecond) {
        return new ThroughputPoint(batch, examplesPerSecond);
    }

    private static BatchAdvice advise(OptionalInt oom, ThroughputPoint... points) {
        return BatchSizeAdvisor.advise(List.of(points), oom, DEFAULTS);
    }

    @Test
    void whenEveryDoublingScalesTheLargestMeasuredIsRecommended() {
        BatchAdvice advice = advise(NO_OOM, at(32, 1000), at(64, 2000), at(128, 4000), at(256, 7600));
        assertThat(advice.doublings()).containsExactly(new Doubling(32, 64, 2, 1), new Doubling(64, 128, 2, 1),
                new Doubling(128, 256, 1.9, 0.95));
        assertThat(advice.recommendedBatchSize()).isEqualTo(256);
        assertThat(advice.secondsPerStep()).isEqualTo(256 / 7600.0);
        assertThat(advice.perfectScalingUpTo()).hasValue(256);
        assertThat(advice.bottleneck()).isFalse();
        assertThat(advice.findings()).extracting(Finding::severity).containsExactly(Severity.INFO, Severity.INFO);
        assertThat(advice.findings().get(0).message()).isEqualTo("Use batch size 256 (7600 examples/s, 0.03368 s"
                + " per step): the smallest size within 5% of the highest throughput (7600 examples/s at batch 256);"
                + " larger batches cost memory and retuning for no more examples per second. Examples/s by batch"
                + " size: 32: 1000, 64: 2000, 128: 4000, 256: 7600; per doubling: 32->64 2x (100%), 64->128 2x"
                + " (100%), 128->256 1.9x (95%). Throughput still grows at the largest size measured: keep doubling"
                + " until out of memory.");
        assertThat(advice.findings().get(1).message()).contains("retuning the learning rate, momentum and "
                + "regularization").contains("Gradient accumulation gives no throughput");
    }

    @Test
    void aSizeThatStillRaisesThroughputIsWorthItThoughItNoLongerScalesPerfectly() {
        // a CPU: 8 -> 16 gives 1.31x (65%): perfect scaling stops at 8, but throughput keeps rising up to 32
        BatchAdvice advice = BatchSizeAdvisor.advise(List.of(at(8, 776), at(16, 1015), at(32, 1110), at(64, 1090)),
                NO_OOM, new StudyContext(java.util.Optional.empty(), java.util.Optional.empty(),
                        java.util.Optional.empty(), java.util.Optional.of("cpu")), DEFAULTS);
        assertThat(advice.perfectScalingUpTo()).isEmpty();
        assertThat(advice.peakBatchSize()).hasValue(32);
        assertThat(advice.recommendedBatchSize()).isEqualTo(32); // 16 is 8.6% below the peak, 64 within 5% but larger
        assertThat(advice.bottleneck()).isTrue();
        assertThat(advice.findings().get(1).message()).startsWith("Perfect scaling stops at batch 8: going to 16"
                + " gave 1.308x").contains("the probe ran on a CPU").contains("not I/O");
    }

    @Test
    void aSizeWithinTheNoiseOfThePeakIsAsGoodAndTheSmallerOneIsPicked() {
        // 128 is 3% above 64, inside the 4% spread of its runs (2 x 4% = 8% tolerance)
        BatchAdvice advice = advise(NO_OOM, at(32, 1000), at(64, 1900), new ThroughputPoint(128, 1960, 0.04, 3));
        assertThat(advice.peakBatchSize()).hasValue(128);
        assertThat(advice.peakTolerance()).isEqualTo(0.08);
        assertThat(advice.recommendedBatchSize()).isEqualTo(64);
        assertThat(advice.secondsPerStep()).isEqualTo(64 / 1900.0);
    }

    @Test
    void exactlyTheRequiredEfficiencyStillScalesPerfectly() {
        BatchAdvice advice = advise(NO_OOM, at(100, 1000), at(200, 1800)); // 1.8x of 2x = 0.9
        assertThat(advice.doublings().get(0).efficiency()).isEqualTo(0.9);
        assertThat(advice.perfectScalingUpTo()).hasValue(200);
        assertThat(advice.bottleneck()).isFalse();
        BatchAdvice stricter = BatchSizeAdvisor.advise(List.of(at(100, 1000), at(200, 1800)), NO_OOM,
                new BatchSizeAdvisor.Settings(0.95, 0.05));
        assertThat(stricter.perfectScalingUpTo()).isEmpty();
        assertThat(stricter.bottleneck()).isTrue();
        assertThat(stricter.recommendedBatchSize()).isEqualTo(200); // still the most examples per second
    }

    @Test
    void stepsThatAreNotDoublingsAreJudgedByTheirOwnRatio() {
        // 16 -> 48 (3x the batch): 2.8x the throughput, 93.3%; 48 -> 64 (1.333x): 1.143x, 85.7%
        BatchAdvice advice = advise(NO_OOM, at(16, 1000), at(48, 2800), at(64, 3200));
        assertThat(advice.doublings().get(0).efficiency()).isCloseTo(2.8 / 3, within(1e-15));
        assertThat(advice.doublings().get(1).efficiency()).isCloseTo(3200.0 / 2800 / (64.0 / 48), within(1e-15));
        assertThat(advice.perfectScalingUpTo()).hasValue(48);
        assertThat(advice.recommendedBatchSize()).isEqualTo(64);
        assertThat(advice.findings().get(1).message()).contains("of the ideal 1.333x");
    }

    @Test
    void aSizeMeasuredTwiceKeepsTheMedianAndTheRangeAsItsSpread() {
        BatchAdvice advice = advise(NO_OOM, at(64, 1900), at(32, 1000), at(64, 2100), at(32, 900));
        assertThat(advice.points()).extracting(ThroughputPoint::batchSize).containsExactly(32, 64);
        assertThat(advice.points().get(1).examplesPerSecond()).isEqualTo(2000);
        assertThat(advice.points().get(1).spread()).isCloseTo(0.1, within(1e-12));
        assertThat(advice.points().get(1).repeats()).isEqualTo(2);
        assertThat(advice.findings().get(0).message()).startsWith("Batch sizes 32, 64 were measured more than "
                + "once; each keeps the median of its runs, and their range as its spread");
    }

    @Test
    void anOutOfMemorySizeLeavesOutWhatWasMeasuredAtOrAboveIt() {
        BatchAdvice advice = advise(OptionalInt.of(128), at(32, 1000), at(64, 2000), at(128, 4000));
        assertThat(advice.recommendedBatchSize()).isEqualTo(64);
        assertThat(advice.outOfMemoryBatchSize()).hasValue(128);
        assertThat(advice.bottleneck()).isFalse();
        assertThat(advice.findings().get(0).message()).isEqualTo("Batch size 128 was measured although batch 128 "
                + "runs out of memory; sizes at or above it are left out.");
        assertThat(advice.findings().get(1).message()).doesNotContain("keep doubling");
        assertThat(advice.findings().get(1).evidence().numbers()).containsEntry("out_of_memory_batch_size", 128.0);
    }

    @Test
    void onePointIsTheRecommendation() {
        BatchAdvice advice = advise(NO_OOM, at(64, 3200));
        assertThat(advice.recommendedBatchSize()).isEqualTo(64);
        assertThat(advice.secondsPerStep()).isEqualTo(0.02);
        assertThat(advice.doublings()).isEmpty();
        assertThat(advice.perfectScalingUpTo()).isEmpty();
        assertThat(advice.bottleneck()).isFalse();
        assertThat(advice.findings().get(0).message()).isEqualTo("Only batch size 64 was measured (3200 "
                + "examples/s, 0.02 s per step): use it, and measure 128 to see whether throughput still grows.");
    }

    @Test
    void nothingMeasuredSaysWhatToMeasure() {
        for (BatchAdvice advice : List.of(advise(NO_OOM), advise(OptionalInt.of(64), at(64, 10), at(128, 20)))) {
            assertThat(advice.recommendedBatchSize()).isZero();
            assertThat(advice.secondsPerStep()).isNaN();
            assertThat(advice.doublings()).isEmpty();
            assertThat(advice.perfectScalingUpTo()).isEmpty();
            assertThat(advice.bottleneck()).isFalse();
            assertThat(advice.findings().get(advice.findings().size() - 1).message())
                    .startsWith("No throughput measured");
        }
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> at(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at(8, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> at(8, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> advise(OptionalInt.of(0), at(8, 1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchSizeAdvisor.Settings(-0.1, 0.05)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void scalingEveryThroughputByAConstantChangesNoRecommendation(
            @ForAll @Size(min = 1, max = 8) List<@DoubleRange(min = 1, max = 1e6) Double> throughputs,
            @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double factor) {
        List<ThroughputPoint> points = new ArrayList<>();
        List<ThroughputPoint> scaled = new ArrayList<>();
        for (int i = 0; i < throughputs.size(); i++) {
            points.add(at(8 << i, throughputs.get(i)));
            scaled.add(at(8 << i, throughputs.get(i) * factor));
        }
        BatchAdvice advice = BatchSizeAdvisor.advise(points, NO_OOM, DEFAULTS);
        // a rounding difference may only flip a step whose efficiency is the threshold itself
        Assume.that(advice.doublings().stream().noneMatch(d -> Math.abs(d.efficiency() - 0.9) < 1e-9));
        double peak = throughputs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        Assume.that(throughputs.stream().noneMatch(t -> Math.abs(t / peak - 0.95) < 1e-9)); // nor one on the tolerance
        BatchAdvice scaledAdvice = BatchSizeAdvisor.advise(scaled, NO_OOM, DEFAULTS);
        assertThat(scaledAdvice.recommendedBatchSize()).isEqualTo(advice.recommendedBatchSize());
        assertThat(scaledAdvice.bottleneck()).isEqualTo(advice.bottleneck());
        assertThat(scaledAdvice.perfectScalingUpTo()).isEqualTo(advice.perfectScalingUpTo());
        assertThat(scaledAdvice.secondsPerStep()).isCloseTo(advice.secondsPerStep() / factor,
                within(1e-9 * advice.secondsPerStep() / factor));
    }

    @Property
    void theRecommendationIsAFeasibleMeasuredSizeAndItsTimePerStepFits(
            @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 4096) Integer> batches,
            @ForAll @Size(min = 10, max = 10) List<@DoubleRange(min = 1, max = 1e5) Double> throughputs,
            @ForAll @IntRange(min = 1, max = 5000) int oom) {
        List<ThroughputPoint> points = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            points.add(at(batches.get(i), throughputs.get(i)));
        }
        BatchAdvice advice = BatchSizeAdvisor.advise(points, OptionalInt.of(oom), DEFAULTS);
        List<ThroughputPoint> feasible = points.stream().filter(p -> p.batchSize() < oom).toList();
        if (feasible.isEmpty()) {
            assertThat(advice.recommendedBatchSize()).isZero();
            return;
        }
        assertThat(feasible).extracting(ThroughputPoint::batchSize).contains(advice.recommendedBatchSize());
        double[] repeats = feasible.stream().filter(p -> p.batchSize() == advice.recommendedBatchSize())
                .mapToDouble(ThroughputPoint::examplesPerSecond).toArray();
        assertThat(advice.secondsPerStep()).isEqualTo(advice.recommendedBatchSize() / RunningMedian.median(repeats));
        // no smaller measured size is within the tolerance of the peak, and the chosen one is
        ThroughputPoint chosen = advice.points().stream().filter(p -> p.batchSize() == advice.recommendedBatchSize())
                .findFirst().orElseThrow();
        double peak = advice.points().stream().mapToDouble(ThroughputPoint::examplesPerSecond).max().orElseThrow();
        assertThat(chosen.examplesPerSecond()).isGreaterThanOrEqualTo(peak * (1 - Math.max(advice.peakTolerance(),
                2 * chosen.spread())) - 1e-9);
        assertThat(advice.points()).filteredOn(p -> p.batchSize() < chosen.batchSize())
                .allSatisfy(p -> assertThat(p.examplesPerSecond()).isLessThan(peak * (1 - Math.max(
                        advice.peakTolerance(), 2 * p.spread()))));
        assertThat(advice.doublings()).allSatisfy(d -> assertThat(d.fromBatch()).isLessThan(d.toBatch()));
        assertThat(advice.bottleneck()).isEqualTo(advice.doublings().stream().anyMatch(d -> d.efficiency() < 0.9));
    }
}
