package dev.tunescope.io;

import dev.tunescope.run.Histogram;
import java.util.Arrays;

/**
 * Converts a histogram given as {@code numpy.histogram} gives it, {@code k+1} edges and {@code k} counts, into
 * {@link Histogram}'s TensorBoard shape: the bucket limits are the right edges {@code edges[1..k]}, {@code min}
 * is {@code edges[0]}, {@code max} is {@code edges[k]} and {@code num} the sum of the counts.
 *
 * <p>The edges form does not carry the sum and the sum of squares of the values, so both are <em>estimated</em>
 * as if every value sat at the centre of its bucket: {@code sum = Σ count·centre}, {@code sumSquares =
 * Σ count·centre²}. The estimate is off by at most half a bucket width per value; it serves mean and spread
 * read-outs, not exact statistics.
 */
final class EdgeHistogram {
    private EdgeHistogram() {
    }

    /**
     * @throws IllegalArgumentException with a message for a person where the two arrays do not fit together,
     *                                  an edge is not finite or edges go down, or a count is negative or not finite
     */
    static Histogram toHistogram(double[] edges, double[] counts) {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("has " + edges.length + " edges for " + counts.length
                    + " counts; there must be one edge more than counts");
        }
        for (int i = 0; i < edges.length; i++) {
            if (!Double.isFinite(edges[i]) || (i > 0 && edges[i] < edges[i - 1])) {
                throw new IllegalArgumentException("edges must be finite and non-decreasing, but edge " + i + " is "
                        + edges[i]);
            }
        }
        double num = 0;
        double sum = 0;
        double sumSquares = 0;
        for (int i = 0; i < counts.length; i++) {
            if (!Double.isFinite(counts[i]) || counts[i] < 0) {
                throw new IllegalArgumentException("count " + i + " is " + counts[i] + ", not a count");
            }
            double centre = edges[i] / 2 + edges[i + 1] / 2; // halves first: no overflow for huge edges
            num += counts[i];
            sum += counts[i] * centre;
            sumSquares += counts[i] * centre * centre;
        }
        double[] limits = Arrays.copyOfRange(edges, 1, edges.length);
        return new Histogram(edges[0], edges[edges.length - 1], num, sum, sumSquares, limits, counts);
    }
}
