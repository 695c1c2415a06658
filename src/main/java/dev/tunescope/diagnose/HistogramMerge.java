package dev.tunescope.diagnose;

import dev.tunescope.run.Histogram;
import java.util.Arrays;
import java.util.List;

/**
 * Adds histograms together, as the clipping rule (RULES.md §3) does with the gradient-norm histograms of every
 * logged step.
 *
 * <p>Histograms with the same bucket limits add exactly. Where limits differ, the merged buckets are bounded by
 * every edge of every input (see {@link Buckets}), and each input bucket's count is shared among the merged buckets
 * it covers in proportion to their width, as if its values were spread evenly over it: the same assumption
 * {@link Percentiles#fromHistogram} makes, so a percentile of the merge is the percentile of the summed estimates.
 */
public final class HistogramMerge {
    private HistogramMerge() {
    }

    /**
     * The sum of {@code histograms}; histograms that count nothing are skipped. An empty histogram (NaN range, no
     * buckets) when none counts anything.
     */
    public static Histogram merge(List<Histogram> histograms) {
        List<Histogram> counted = histograms.stream().filter(h -> Buckets.total(h) > 0).toList();
        if (counted.isEmpty()) {
            return new Histogram(Double.NaN, Double.NaN, 0, 0, 0, new double[0], new double[0]);
        }
        double[] edges = edges(counted);
        // Merged bucket k spans (edges[k-1], edges[k]]; bucket 0 is the point edges[0] = min.
        double[] counts = new double[edges.length];
        double num = 0;
        double sum = 0;
        double sumSquares = 0;
        for (Histogram h : counted) {
            spread(h, edges, counts);
            num += h.num();
            sum += h.sum();
            sumSquares += h.sumSquares();
        }
        return new Histogram(edges[0], edges[edges.length - 1], num, sum, sumSquares, edges, counts);
    }

    /** Every clamped edge of every non-empty bucket, sorted and distinct. */
    private static double[] edges(List<Histogram> histograms) {
        return histograms.stream().flatMapToDouble(h -> Arrays.stream(bucketEdges(h))).sorted().distinct().toArray();
    }

    private static double[] bucketEdges(Histogram h) {
        double[] edges = new double[2 * h.bucketCount()];
        int size = 0;
        for (int i = 0; i < h.bucketCount(); i++) {
            if (Buckets.count(h, i) > 0) {
                edges[size++] = Buckets.lower(h, i);
                edges[size++] = Buckets.upper(h, i);
            }
        }
        return Arrays.copyOf(edges, size);
    }

    private static void spread(Histogram h, double[] edges, double[] counts) {
        for (int i = 0; i < h.bucketCount(); i++) {
            double count = Buckets.count(h, i);
            if (count == 0) {
                continue;
            }
            double lower = Buckets.lower(h, i);
            double upper = Buckets.upper(h, i);
            int first = Arrays.binarySearch(edges, lower);
            int last = Arrays.binarySearch(edges, upper);
            if (first == last) { // a zero-width bucket: all its values sit on one edge
                counts[last] += count;
                continue;
            }
            for (int k = first + 1; k <= last; k++) {
                counts[k] += count * ((edges[k] - edges[k - 1]) / (upper - lower));
            }
        }
    }
}
