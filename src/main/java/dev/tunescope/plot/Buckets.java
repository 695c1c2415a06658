package dev.tunescope.plot;

/**
 * Equal-width histogram buckets over the finite values, shared by the app's gradient-norm histogram and the
 * report's, so both show the same bars.
 *
 * @param edges  {@code counts.length + 1} bucket edges, increasing
 * @param counts finite values per bucket; the last bucket includes its upper edge
 */
public record Buckets(double[] edges, double[] counts) {

    public Buckets {
        edges = edges.clone();
        counts = counts.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }

    /** {@code buckets} equal-width buckets from the lowest to the highest finite value. */
    public static Buckets of(double[] values, int buckets) {
        FiniteExtent extent = FiniteExtent.of(values).orElse(new FiniteExtent(0, 1));
        double min = extent.min();
        double max = extent.max();
        double width = max > min ? (max - min) / buckets : 1;
        double[] edges = new double[buckets + 1];
        double[] counts = new double[buckets];
        for (int i = 0; i <= buckets; i++) {
            edges[i] = min + i * width;
        }
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[Math.min(buckets - 1, (int) ((v - min) / width))]++;
            }
        }
        return new Buckets(edges, counts);
    }
}
