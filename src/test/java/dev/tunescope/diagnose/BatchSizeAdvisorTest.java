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
        assertThat(advice.findings().get(0).message()).isEqualTo("Throughput scales up to batch size 256, the "
                + "largest measured: use it, at 7600 examples/s, 0.03368 s per step. Keep doubling until out of memory "
                + "to see whether it scales further.");
        assertThat(advice.findings().get(1).message()).contains("retuning the learning rate, momentum and "
                + "regularization").contains("Gradient accumulation gives no throughput");
    }

    @Test
    void aDoublingThatStopsScalingIsABottleneck() {
        // 32 -> 64: 1.9x (95%); 64 -> 128: 2500 / 1900 = 1.316x (65.8%): scaling stops at 64
        BatchAdvice advice = advise(NO_OOM, at(32, 1000), at(64, 1900), at(128, 2500), at(256, 2600));
        assertThat(advice.recommendedBatchSize()).isEqualTo(64);
        assertThat(advice.secondsPerStep()).isEqualTo(64 / 1900.0);
        assertThat(advice.perfectScalingUpTo()).hasValue(64);
        assertThat(advice.bottleneck()).isTrue();
        assertThat(advice.doublings().get(1).efficiency()).isCloseTo(2500 / 1900.0 / 2, within(1e-15));
        assertThat(advice.findings()).extracting(Finding::severity)
                .containsExactly(Severity.INFO, Severity.ADVICE, Severity.INFO);
        assertThat(advice.findings().get(0).message()).isEqualTo("Use batch size 64, the largest at which "
                + "throughput still scales: 1900 examples/s, 0.03368 s per step.");
        assertThat(advice.findings().get(1).message()).isEqualTo("Going from batch 64 to 128 gave 1.316x the "
                + "throughput, 65.8% of the ideal 2x (scaling needs 90%): a bottleneck (I/O, synchronisation) stops "
                + "scaling before batch 256. Fix it, or stay at 64.");
    }

    @Test
    void whenTheFirstStepFailsTheSmallestIsRecommendedAndNothingScaledPerfectly() {
        BatchAdvice advice = advise(NO_OOM, at(32, 1000), at(64, 1000));
        assertThat(advice.recommendedBatchSize()).isEqualTo(32);
        assertThat(advice.perfectScalingUpTo()).isEmpty();
        assertThat(advice.bottleneck()).isTrue();
    }

    @Test
    void exactlyTheRequiredEfficiencyStillScales() {
        BatchAdvice advice = advise(NO_OOM, at(100, 1000), at(200, 1800)); // 1.8x of 2x = 0.9
        assertThat(advice.doublings().get(0).efficiency()).isEqualTo(0.9);
        assertThat(advice.recommendedBatchSize()).isEqualTo(200);
        assertThat(advice.bottleneck()).isFalse();
        BatchAdvice stricter = BatchSizeAdvisor.advise(List.of(at(100, 1000), at(200, 1800)), NO_OOM,
                new BatchSizeAdvisor.Settings(0.95));
        assertThat(stricter.recommendedBatchSize()).isEqualTo(100);
    }

    @Test
    void stepsThatAreNotDoublingsAreJudgedByTheirOwnRatio() {
        // 16 -> 48 (3x the batch): 2.8x the throughput, 93.3%; 48 -> 64 (1.333x): 1.143x, 85.7%
        BatchAdvice advice = advise(NO_OOM, at(16, 1000), at(48, 2800), at(64, 3200));
        assertThat(advice.doublings().get(0).efficiency()).isCloseTo(2.8 / 3, within(1e-15));
        assertThat(advice.doublings().get(1).efficiency()).isCloseTo(3200.0 / 2800 / (64.0 / 48), within(1e-15));
        assertThat(advice.recommendedBatchSize()).isEqualTo(48);
        assertThat(advice.findings().get(1).message()).contains("of the ideal 1.333x");
    }

    @Test
    void pointsAreSortedAndADuplicateKeepsItsBestThroughput() {
        BatchAdvice advice = advise(NO_OOM, at(64, 1900), at(32, 1000), at(64, 2000), at(32, 900));
        assertThat(advice.doublings()).containsExactly(new Doubling(32, 64, 2, 1));
        assertThat(advice.findings().get(0).message()).isEqualTo("Batch sizes 32, 64 were measured more than "
                + "once; the best throughput of each is kept.");
    }

    @Test
    void anOutOfMemorySizeLeavesOutWhatWasMeasuredAtOrAboveIt() {
        BatchAdvice advice = advise(OptionalInt.of(128), at(32, 1000), at(64, 2000), at(128, 4000));
        assertThat(advice.recommendedBatchSize()).isEqualTo(64);
        assertThat(advice.outOfMemoryBatchSize()).hasValue(128);
        assertThat(advice.bottleneck()).isFalse();
        assertThat(advice.findings().get(0).message()).isEqualTo("Batch size 128 was measured although batch 128 "
                + "runs out of memory; sizes at or above it are left out.");
        assertThat(advice.findings().get(1).message()).isEqualTo("Throughput scales up to batch size 64, the "
                + "largest measured: use it, at 2000 examples/s, 0.032 s per step.");
        assertThat(advice.findings().get(1).evidence().numbers()).containsEntry("out_of_memory_batch_size", 128.0);
    }

    @Test
    void aBottleneckIsJudgedAgainstTheLargestFeasibleSize() {
        BatchAdvice advice = advise(OptionalInt.of(256), at(32, 1000), at(64, 1200), at(128, 1300));
        assertThat(advice.bottleneck()).isTrue();
        assertThat(advice.recommendedBatchSize()).isEqualTo(32);
        assertThat(advice.findings().get(1).message()).contains("stops scaling before batch 128. Fix it, or stay "
                + "at 32.");
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
                + "examples/s, 0.02 s per step): use it, and measure 128 to see whether throughput still scales.");
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
        assertThatThrownBy(() -> new BatchSizeAdvisor.Settings(-0.1)).isInstanceOf(IllegalArgumentException.class);
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
        double best = feasible.stream().filter(p -> p.batchSize() == advice.recommendedBatchSize())
                .mapToDouble(ThroughputPoint::examplesPerSecond).max().orElseThrow();
        assertThat(advice.secondsPerStep()).isEqualTo(advice.recommendedBatchSize() / best);
        assertThat(advice.doublings()).allSatisfy(d -> assertThat(d.fromBatch()).isLessThan(d.toBatch()));
        assertThat(advice.bottleneck()).isEqualTo(advice.doublings().stream().anyMatch(d -> d.efficiency() < 0.9));
    }
}
