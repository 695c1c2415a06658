package dev.tunescope.diagnose;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;

/**
 * Batch size and throughput, RULES.md §5: the batch size sets speed and cost, not validation performance. The
 * feasible sizes are found by doubling until out of memory; while the accelerator is not saturated, doubling the
 * batch should (nearly) double throughput, and where it does not, something is in the way: fix it, or stay at the
 * largest size that still helps.
 *
 * <p>The rule, in numbers: each step up the measured sizes has an efficiency {@code (throughput(b) /
 * throughput(a)) / (b / a)}; perfect scaling holds while it is at least {@link Settings#scalingEfficiency()}. The
 * size to pick is the smallest one whose throughput is within the noise of the highest measured throughput (within
 * {@link Settings#peakTolerance()}, or twice the measurements' spread where that is larger). Why not the last size
 * that scaled perfectly: on a device that saturates gradually (a CPU), a doubling can give 1.3x and still be worth
 * it; why not the largest size: past the peak, a larger batch costs memory and retuning and buys no examples per
 * second. Measurements at or above the size that ran out of memory are left out; a size measured more than once
 * keeps the median of its runs, and their range as its spread.
 */
public final class BatchSizeAdvisor {
    public static final String RULE = "batch-size";

    /**
     * @param scalingEfficiency the share of the ideal speedup a step must give to count as perfect scaling: at 0.9,
     *                          a doubling that gives at least 1.8x the throughput still scales
     * @param peakTolerance     a throughput this share below the highest one is as good as it
     */
    public record Settings(double scalingEfficiency, double peakTolerance) {
        public static final Settings DEFAULTS = new Settings(0.9, 0.05);

        public Settings {
            if (!(scalingEfficiency >= 0 && Double.isFinite(scalingEfficiency))) {
                throw new IllegalArgumentException("scalingEfficiency must be finite and >= 0, not "
                        + scalingEfficiency);
            }
            if (!(peakTolerance >= 0 && peakTolerance < 1)) {
                throw new IllegalArgumentException("peakTolerance must lie in [0, 1), not " + peakTolerance);
            }
        }
    }

    private BatchSizeAdvisor() {
    }

    public static BatchAdvice advise(List<ThroughputPoint> points, OptionalInt outOfMemoryBatchSize,
                                     Settings settings) {
        return advise(points, outOfMemoryBatchSize, StudyContext.UNKNOWN, settings);
    }

    /**
     * @param outOfMemoryBatchSize the batch size that ran out of memory, where one did
     * @param context              the device the probe ran on, which decides what a stop in scaling means
     * @throws IllegalArgumentException for an out-of-memory batch size below 1
     */
    public static BatchAdvice advise(List<ThroughputPoint> points, OptionalInt outOfMemoryBatchSize,
                                     StudyContext context, Settings settings) {
        if (outOfMemoryBatchSize.isPresent() && outOfMemoryBatchSize.getAsInt() < 1) {
            throw new IllegalArgumentException("an out-of-memory batch size is at least 1, not "
                    + outOfMemoryBatchSize.getAsInt());
        }
        ThroughputCurve curve = ThroughputCurve.of(points, outOfMemoryBatchSize);
        List<Doubling> doublings = curve.doublings();
        if (curve.points().isEmpty()) {
            return new BatchAdvice(curve.points(), doublings, 0, Double.NaN, OptionalInt.empty(),
                    outOfMemoryBatchSize, false, OptionalInt.empty(), 0,
                    BatchFindings.all(curve, null, null, -1, 0, outOfMemoryBatchSize, context, settings));
        }
        int scaling = 0; // index of the first step that does not scale perfectly, or doublings.size()
        while (scaling < doublings.size() && doublings.get(scaling).efficiency() >= settings.scalingEfficiency()) {
            scaling++;
        }
        ThroughputPoint peak = curve.points().stream().max(Comparator.comparingDouble(ThroughputPoint::examplesPerSecond))
                .orElseThrow();
        double tolerance = Math.max(settings.peakTolerance(), 2 * peak.spread());
        ThroughputPoint recommended = curve.points().stream()
                .filter(p -> p.examplesPerSecond() >= peak.examplesPerSecond() * (1 - Math.max(tolerance,
                        2 * p.spread())))
                .findFirst().orElse(peak);
        boolean bottleneck = scaling < doublings.size();
        OptionalInt perfectUpTo = scaling > 0 ? OptionalInt.of(curve.points().get(scaling).batchSize())
                : OptionalInt.empty();
        return new BatchAdvice(curve.points(), doublings, recommended.batchSize(), recommended.secondsPerStep(),
                perfectUpTo, outOfMemoryBatchSize, bottleneck, OptionalInt.of(peak.batchSize()), tolerance,
                BatchFindings.all(curve, recommended, peak, bottleneck ? scaling : -1, tolerance, outOfMemoryBatchSize,
                        context, settings));
    }
}
