package dev.tunescope.diagnose;

import java.util.Arrays;

/**
 * The finite values of a sliding window kept in sorted order, for robust running statistics: the median, and
 * the median absolute deviation (MAD) on demand. Medians, not means, so that a spike, or one before it, does not
 * move the yardstick it is judged by. Adding and removing cost O(window); a 10,000-step series with a 50-step
 * window costs about half a million element moves.
 */
public final class RunningMedian {
    /** MAD times this estimates the standard deviation of normally distributed noise. */
    static final double MAD_TO_SIGMA = 1.4826;

    /**
     * How much larger than its estimate a spread measured as the MAD of {@code k} normal points may be, at the upper
     * 99% bound: the estimate is off by about 1.17 / sqrt(k) of itself (1.27x at 100 points, 1.09x at 1,000).
     * Thresholds built on a measured spread use it, so that a short run's lucky low estimate makes no false sign.
     */
    static double madUpperFactor(int k) {
        return 1 + 2.33 * 1.17 / Math.sqrt(Math.max(1, k));
    }

    private final double[] sorted;
    private double[] deviations = new double[0]; // scratch space for mad()
    private int size;

    RunningMedian(int window) {
        this.sorted = new double[Math.max(1, window)];
    }

    /** Adds a value; non-finite values are not part of the statistics and are ignored. */
    void add(double value) {
        if (!Double.isFinite(value) || size == sorted.length) {
            return;
        }
        int at = Arrays.binarySearch(sorted, 0, size, value);
        at = at >= 0 ? at : -at - 1;
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = value;
        size++;
    }

    /** Removes one occurrence of a value added before (non-finite values were never added). */
    void remove(double value) {
        if (!Double.isFinite(value)) {
            return;
        }
        int at = Arrays.binarySearch(sorted, 0, size, value);
        if (at >= 0) {
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
        }
    }

    int size() {
        return size;
    }

    double median() {
        if (size == 0) {
            return Double.NaN;
        }
        return size % 2 == 1 ? sorted[size / 2] : sorted[size / 2 - 1] / 2 + sorted[size / 2] / 2; // halves first: no overflow
    }

    double mad() {
        double m = median();
        if (deviations.length < size) {
            deviations = new double[sorted.length];
        }
        for (int i = 0; i < size; i++) {
            deviations[i] = Math.abs(sorted[i] - m);
        }
        Arrays.sort(deviations, 0, size);
        return size % 2 == 1 ? deviations[size / 2] : deviations[size / 2 - 1] / 2 + deviations[size / 2] / 2;
    }

    /** The median of the finite values, NaN when there are none. */
    static double median(double[] values) {
        double[] finite = new double[values.length];
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                finite[n++] = v;
            }
        }
        if (n == 0) {
            return Double.NaN;
        }
        Arrays.sort(finite, 0, n);
        return n % 2 == 1 ? finite[n / 2] : finite[n / 2 - 1] / 2 + finite[n / 2] / 2;
    }

    /**
     * The trailing running median of every point: the median of the finite values among it and the
     * {@code window - 1} points before it (fewer at the start); NaN until a finite value has been seen. Medians
     * ignore single spikes that a mean would smear over the window.
     *
     * @throws IllegalArgumentException for a window below 1
     */
    public static double[] trailing(double[] values, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("a median window holds at least 1 point, not " + window);
        }
        RunningMedian running = new RunningMedian(window);
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            if (i >= window) {
                running.remove(values[i - window]);
            }
            running.add(values[i]);
            out[i] = running.median();
        }
        return out;
    }
}
