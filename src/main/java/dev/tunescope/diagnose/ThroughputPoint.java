package dev.tunescope.diagnose;

/**
 * One throughput measurement (RULES.md §5): at {@code batchSize}, training processed {@code examplesPerSecond}.
 *
 * @param spread  how uncertain the figure is, as a share of it: the standard error of a run's median over its
 *                steps, or the range across repeated runs of this size, whichever is larger (0 when unknown)
 * @param repeats how many runs measured this size
 * @throws IllegalArgumentException for a batch size below 1, or a throughput that is not a positive finite number
 */
public record ThroughputPoint(int batchSize, double examplesPerSecond, double spread, int repeats) {

    public ThroughputPoint {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch holds at least 1 example, not " + batchSize);
        }
        if (!(examplesPerSecond > 0 && Double.isFinite(examplesPerSecond))) {
            throw new IllegalArgumentException("throughput at batch " + batchSize + " must be a positive number of "
                    + "examples per second, not " + examplesPerSecond);
        }
        spread = Double.isFinite(spread) && spread > 0 ? spread : 0;
        repeats = Math.max(1, repeats);
    }

    /** One measurement whose uncertainty is not known. */
    public ThroughputPoint(int batchSize, double examplesPerSecond) {
        this(batchSize, examplesPerSecond, 0, 1);
    }

    /** Time per step = batch size / throughput. */
    public double secondsPerStep() {
        return batchSize / examplesPerSecond;
    }
}
