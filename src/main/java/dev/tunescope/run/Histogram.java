package dev.tunescope.run;

import java.util.Arrays;

/**
 * One histogram as TensorBoard's {@code HistogramProto} describes it: bucket {@code i} counts the values in
 * {@code (bucketLimits[i-1], bucketLimits[i]]}, the first bucket starting at {@link #min()}. Tensor-form
 * histograms ({@code left, right, count} triples) are converted to this shape.
 *
 * <p>The arrays are copied in and out, so a histogram never changes after it is made.
 */
public record Histogram(double min, double max, double num, double sum, double sumSquares,
                        double[] bucketLimits, double[] counts) {

    public Histogram {
        if (bucketLimits.length != counts.length) {
            throw new IllegalArgumentException(
                    "bucket limits and counts differ in length: " + bucketLimits.length + " vs " + counts.length);
        }
        bucketLimits = bucketLimits.clone();
        counts = counts.clone();
    }

    @Override
    public double[] bucketLimits() {
        return bucketLimits.clone();
    }

    @Override
    public double[] counts() {
        return counts.clone();
    }

    public int bucketCount() {
        return counts.length;
    }

    public double bucketLimit(int index) {
        return bucketLimits[index];
    }

    public double count(int index) {
        return counts[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram h
                && Double.compare(min, h.min) == 0 && Double.compare(max, h.max) == 0
                && Double.compare(num, h.num) == 0 && Double.compare(sum, h.sum) == 0
                && Double.compare(sumSquares, h.sumSquares) == 0
                && Arrays.equals(bucketLimits, h.bucketLimits) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(num) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[num=" + num + ", min=" + min + ", max=" + max + ", buckets=" + counts.length + "]";
    }
}
