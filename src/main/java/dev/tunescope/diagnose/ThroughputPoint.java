package dev.tunescope.diagnose;

/**
 * One throughput measurement (RULES.md §5): at {@code batchSize}, training processed {@code examplesPerSecond}.
 *
 * @throws IllegalArgumentException for a batch size below 1, or a throughput that is not a positive finite number
 */
public record ThroughputPoint(int batchSize, double examplesPerSecond) {

    public ThroughputPoint {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least 1 example, not " + batchSize);
        }
        if (!(examplesPerSecond > 0 && Double.isFinite(examplesPerSecond))) {
            throw new IllegalArgumentException("throughput at batch " + batchSize + " must be a positive number of "
                    + "examples per second, not " + examplesPerSecond);
        }
    }

    /** Time per step = batch size / throughput. */
    public double secondsPerStep() {
        return batchSize / examplesPerSecond;
    }
}
