package dev.tunescope.diagnose;

/**
 * One step up the measured batch sizes (a doubling as RULES.md §5 plans them, but any ratio works).
 *
 * @param speedup    {@code throughput(toBatch) / throughput(fromBatch)}
 * @param efficiency {@code speedup / (toBatch / fromBatch)}: 1 when throughput grows as fast as the batch (perfect
 *                   scaling), below 1 when it grows slower
 */
public record Doubling(int fromBatch, int toBatch, double speedup, double efficiency) {

    static Doubling between(ThroughputPoint from, ThroughputPoint to) {
        double speedup = to.examplesPerSecond() / from.examplesPerSecond();
        return new Doubling(from.batchSize(), to.batchSize(), speedup,
                speedup / ((double) to.batchSize() / from.batchSize()));
    }

    /** How much larger the batch became: 2 for a doubling. */
    public double batchRatio() {
        return (double) toBatch / fromBatch;
    }
}
