package dev.tunescope.diagnose;

import dev.tunescope.run.Histogram;

/**
 * How the rules read one histogram's buckets: bucket {@code i} spans {@code (limit[i-1], limit[i]]}, the first
 * starting at {@code min}, with every edge held to {@code [min, max]} (all values lie there, while TensorBoard's
 * outer limits are often ±{@code Double.MAX_VALUE}). Counts that are negative or not finite count as 0, and a
 * bucket with one unknown (NaN) edge is taken as a point at the other.
 */
final class Buckets {
    private Buckets() {
    }

    /** Bucket {@code i}'s count; 0 where it is negative or not finite, or where the bucket has no edge at all. */
    static double count(Histogram h, int i) {
        double count = h.count(i);
        return Double.isFinite(count) && count > 0 && !Double.isNaN(lower(h, i)) ? count : 0;
    }

    static double total(Histogram h) {
        double total = 0;
        for (int i = 0; i < h.bucketCount(); i++) {
            total += count(h, i);
        }
        return total;
    }

    /** The bucket's lower edge; where it is unknown (NaN), the bucket is taken as a point at its upper edge. */
    static double lower(Histogram h, int i) {
        double lower = clampToRange(h, i == 0 ? h.min() : h.bucketLimit(i - 1));
        return Double.isNaN(lower) ? clampToRange(h, h.bucketLimit(i)) : lower;
    }

    /** Never below {@link #lower}, even where limits go down; the lower edge where the limit is unknown. */
    static double upper(Histogram h, int i) {
        double upper = clampToRange(h, h.bucketLimit(i));
        return Double.isNaN(upper) ? lower(h, i) : Math.max(lower(h, i), upper);
    }

    /** {@code x} held to {@code [min, max]} where the histogram has a sound range; {@code x} itself otherwise. */
    static double clampToRange(Histogram h, double x) {
        if (!(Double.isFinite(h.min()) && Double.isFinite(h.max()) && h.min() <= h.max())) {
            return x;
        }
        return Math.min(h.max(), Math.max(h.min(), x));
    }

    /**
     * How many counted values are estimated to lie at or below {@code x}, taking the values in each bucket as
     * spread evenly over it (a zero-width bucket counts fully once {@code x} reaches it).
     */
    static double countAtOrBelow(Histogram h, double x) {
        double below = 0;
        for (int i = 0; i < h.bucketCount(); i++) {
            double count = count(h, i);
            double lower = lower(h, i);
            double upper = upper(h, i);
            if (count == 0 || x < lower) {
                continue;
            }
            below += x >= upper ? count : count * (x - lower) / (upper - lower);
        }
        return below;
    }

    /** How many counted values are estimated to lie strictly above {@code x}. */
    static double countAbove(Histogram h, double x) {
        return Math.max(0, total(h) - countAtOrBelow(h, x));
    }
}
