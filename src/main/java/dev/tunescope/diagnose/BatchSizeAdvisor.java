package dev.tunescope.diagnose;

import java.util.List;
import java.util.OptionalInt;

/**
 * Batch size and throughput, RULES.md §5: the batch size sets speed and cost, not validation performance. The
 * feasible sizes are found by doubling until out of memory; while the accelerator is not saturated, doubling the
 * batch should (nearly) double throughput, and where it does not, a bottleneck (I/O, synchronisation) is in the way:
 * fix it, or stay at the largest size that still scales. Time per step = batch size / throughput.
 *
 * <p>Scaling is judged step by step along the measured sizes: a step from batch {@code a} to {@code b} scales when
 * {@code (throughput(b) / throughput(a)) / (b / a)} is at least {@link Settings#scalingEfficiency()}. Scaling stops
 * at the first step that does not scale; the recommended size is the one reached just before it (the largest
 * measured when every step scales, the only one for a single measurement). Measurements at or above the size that
 * ran out of memory are left out; a size measured twice keeps its best throughput. Both are said in findings.
 */
public final class BatchSizeAdvisor {
    public static final String RULE = "batch-size";

    /**
     * @param scalingEfficiency the share of the ideal speedup a step must give to count as scaling: at 0.9, a
     *                          doubling that gives at least 1.8x the throughput still scales
     */
    public record Settings(double scalingEfficiency) {
        public static final Settings DEFAULTS = new Settings(0.9);

        public Settings {
            if (!(scalingEfficiency >= 0 && Double.isFinite(scalingEfficiency))) {
                throw new IllegalArgumentException("scalingEfficiency must be finite and >= 0, not "
                        + scalingEfficiency);
            }
        }
    }

    private BatchSizeAdvisor() {
    }

    /**
     * @param outOfMemoryBatchSize the batch size that ran out of memory, where one did
     * @throws IllegalArgumentException for an out-of-memory batch size below 1
     */
    public static BatchAdvice advise(List<ThroughputPoint> points, OptionalInt outOfMemoryBatchSize,
                                     Settings settings) {
        if (outOfMemoryBatchSize.isPresent() && outOfMemoryBatchSize.getAsInt() < 1) {
            throw new IllegalArgumentException("an out-of-memory batch size is at least 1, not "
                    + outOfMemoryBatchSize.getAsInt());
        }
        ThroughputCurve curve = ThroughputCurve.of(points, outOfMemoryBatchSize);
        List<Doubling> doublings = curve.doublings();
        int failing = 0; // index of the first step that does not scale, or doublings.size()
        while (failing < doublings.size() && doublings.get(failing).efficiency() >= settings.scalingEfficiency()) {
            failing++;
        }
        if (curve.points().isEmpty()) {
            return new BatchAdvice(curve.points(), doublings, 0, Double.NaN, OptionalInt.empty(), outOfMemoryBatchSize, false,
                    BatchFindings.all(curve, null, -1, outOfMemoryBatchSize, settings));
        }
        ThroughputPoint recommended = curve.points().get(failing); // step i goes from point i to point i + 1
        boolean bottleneck = failing < doublings.size();
        OptionalInt perfectUpTo = failing > 0 ? OptionalInt.of(recommended.batchSize()) : OptionalInt.empty();
        return new BatchAdvice(curve.points(), doublings, recommended.batchSize(), recommended.secondsPerStep(), perfectUpTo,
                outOfMemoryBatchSize, bottleneck,
                BatchFindings.all(curve, recommended, bottleneck ? failing : -1, outOfMemoryBatchSize, settings));
    }
}
