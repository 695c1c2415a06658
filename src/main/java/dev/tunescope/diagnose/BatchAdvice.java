package dev.tunescope.diagnose;

import java.util.List;
import java.util.OptionalInt;

/**
 * What {@link BatchSizeAdvisor} recommends.
 *
 * @param points               the measurements the advice rests on (one per batch size, smallest first; sizes at or
 *                             above the out-of-memory one left out)
 * @param doublings            each step between consecutive measured batch sizes, smallest first
 * @param recommendedBatchSize the smallest batch size within the noise of the highest throughput; 0 when nothing
 *                             was measured
 * @param secondsPerStep       time per step at the recommended batch size (NaN when nothing was measured)
 * @param perfectScalingUpTo   the largest batch size reached by steps that all scaled perfectly; empty when none did
 * @param outOfMemoryBatchSize the batch size that ran out of memory, as given
 * @param bottleneck           perfect scaling stopped before the largest feasible measured batch size
 * @param peakBatchSize        the batch size with the highest throughput
 * @param peakTolerance        how far below the peak a throughput still counted as as good (a share)
 */
public record BatchAdvice(List<ThroughputPoint> points, List<Doubling> doublings, int recommendedBatchSize,
                          double secondsPerStep, OptionalInt perfectScalingUpTo, OptionalInt outOfMemoryBatchSize,
                          boolean bottleneck, OptionalInt peakBatchSize, double peakTolerance,
                          List<Finding> findings) {

    public BatchAdvice {
        points = List.copyOf(points);
        doublings = List.copyOf(doublings);
        findings = List.copyOf(findings);
    }
}
