package dev.tunescope.diagnose;

import java.util.List;
import java.util.OptionalInt;

/**
 * What {@link BatchSizeAdvisor} recommends.
 *
 * @param doublings            each step between consecutive measured batch sizes, smallest first
 * @param recommendedBatchSize the largest batch size reached while throughput still scaled; 0 when nothing was
 *                             measured
 * @param secondsPerStep       time per step at the recommended batch size (NaN when nothing was measured)
 * @param perfectScalingUpTo   the largest batch size reached by steps that all scaled; empty when no step scaled
 * @param outOfMemoryBatchSize the batch size that ran out of memory, as given
 * @param bottleneck           scaling stopped before the largest feasible measured batch size
 */
public record BatchAdvice(List<Doubling> doublings, int recommendedBatchSize, double secondsPerStep,
                          OptionalInt perfectScalingUpTo, OptionalInt outOfMemoryBatchSize, boolean bottleneck,
                          List<Finding> findings) {

    public BatchAdvice {
        doublings = List.copyOf(doublings);
        findings = List.copyOf(findings);
    }
}
