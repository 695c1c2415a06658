package dev.tunescope.diagnose;

import dev.tunescope.run.Histogram;
import java.util.Arrays;

/**
 * Percentiles of raw values and of histograms, as the clipping rule (RULES.md §3) needs them.
 *
 * <p>{@link #linear} reproduces {@code numpy.percentile(values, percent)} with its default method
 * ({@code 'linear'}): the value at the virtual rank {@code (n - 1) * percent / 100} of the sorted values,
 * interpolated between the two closest ranks with numpy's own interpolation formula, so the fixture truths computed
 * with numpy come out bit for bit. Non-finite values are left out (numpy would answer NaN for any NaN in the input).
 */
public final class Percentiles {
    private Percentiles() {
    }

    /**
     * The {@code percent}-th percentile of the finite {@code values}, NaN when none is finite.
     *
     * @throws IllegalArgumentException when {@code percent} is not in {@code [0, 100]}
     */
    public static double linear(double[] values, double percent) {
        checkPercent(percent);
        return ofSorted(Arrays.stream(values).filter(Double::isFinite).sorted().toArray(), percent);
    }

    /** {@link #linear} over values already finite and sorted ascending (not checked). */
    static double ofSorted(double[] sorted, double percent) {
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        double virtualIndex = (n - 1) * (percent / 100.0);
        int below = (int) Math.floor(virtualIndex);
        int above = Math.min(below + 1, n - 1);
        return lerp(sorted[below], sorted[above], virtualIndex - below);
    }

    /** numpy's {@code _lerp}: from the nearer end, so that {@code t = 1} gives {@code b} exactly. */
    private static double lerp(double a, double b, double t) {
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /**
     * The {@code percent}-th percentile of the values a histogram counts, estimated as if the values in each bucket
     * were spread evenly over it: walk the cumulative bucket counts to the bucket holding {@code percent}% of the
     * total and interpolate linearly inside it. Bucket {@code i} spans {@code (limit[i-1], limit[i]]}, the first
     * starting at {@code h.min()}; edges are held to {@code [h.min(), h.max()]}, where every value lies (TensorBoard's
     * outer limits are often ±{@code Double.MAX_VALUE}). NaN for a histogram that counts nothing.
     *
     * @throws IllegalArgumentException when {@code percent} is not in {@code [0, 100]}
     */
    public static double fromHistogram(Histogram h, double percent) {
        checkPercent(percent);
        double total = Buckets.total(h);
        if (!(total > 0)) {
            return Double.NaN;
        }
        double target = percent / 100.0 * total;
        double cumulative = 0;
        double answer = Double.NaN;
        for (int i = 0; i < h.bucketCount(); i++) {
            double count = Buckets.count(h, i);
            if (count == 0) {
                continue;
            }
            double lower = Buckets.lower(h, i);
            double upper = Buckets.upper(h, i);
            answer = upper; // rounding may leave the target a hair above the last cumulative count
            if (cumulative + count >= target) {
                double inside = Math.max(0, target - cumulative) / count;
                answer = lower + inside * (upper - lower);
                break;
            }
            cumulative += count;
        }
        return Buckets.clampToRange(h, answer);
    }

    static void checkPercent(double percent) {
        if (!(percent >= 0 && percent <= 100)) {
            throw new IllegalArgumentException("a percentile must lie in [0, 100], not " + percent);
        }
    }
}
