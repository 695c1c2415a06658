package dev.tunescope.diagnose;

import java.util.List;
import java.util.OptionalInt;

/**
 * What {@link BatchSizeAdvisor} recommends.
 *
 * @param points               the measurements the advice rests on (one per batch size, smallest first; sizes at or
 *                             above the out-of-memory one left out)
 * @param doublings            each step between consecutive measured batch sizes, smallest first
 * @param recommendedBatchSize the largest batch size reached while throughput still scaled; 0 when nothing was
 *                             measured
 * @param secondsPerStep       time per step at the recommended batch size (NaN when nothing was measured)
 * @param perfectScalingUpTo   the largest batch size reached by steps that all scaled; empty when no step scaled
 * @param outOfMemoryBatchSize the batch size that ran out of memory, as given
 * @param bottleneck           scaling stopped before the largest feasible measured batch size
 */
public record BatchAdvice(List<ThroughputPoint> points, List<Doubling> doublings, int recommendedBatchSize, double secondsPerStep,
                          OptionalInt perfectScalingUpTo, OptionalInt outOfMemoryBatchSize, boolean bottleneck,
                          List<Finding> findings) {

    public BatchAdvice {
        points = List.copyOf(points);
        doublings = List.copyOf(doublings);
        findings = List.copyOf(findings);
    }
}
