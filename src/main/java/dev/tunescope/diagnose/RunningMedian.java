package dev.tunescope.diagnose;

import java.util.Arrays;

/**
 * A trailing running median: each point becomes the median of itself and the {@code window - 1} points before it
 * (fewer at the start). Medians ignore single spikes that a mean would smear over the window, so the smoothed
 * training loss of RULES.md §4 reaches its floor where the loss really does, not where one lucky batch did.
 */
public final class RunningMedian {
    private RunningMedian() {
    }

    /**
     * The trailing medians of {@code values} (finite values only); a window of an even number of points gives the
     * mean of its two middle values.
     *
     * @throws IllegalArgumentException for a window below 1 or a value that is not finite
     */
    public static double[] trailing(double[] values, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("a median window holds at least 1 point, not " + window);
        }
        double[] medians = new double[values.length];
        double[] sorted = new double[Math.min(window, values.length)]; // the window's values, kept sorted
        int size = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is " + values[i] + "; medians need finite values");
            }
            if (i >= window) { // the point leaving the window
                int leaving = Arrays.binarySearch(sorted, 0, size, values[i - window]);
                System.arraycopy(sorted, leaving + 1, sorted, leaving, size - leaving - 1);
                size--;
            }
            int at = Arrays.binarySearch(sorted, 0, size, values[i]);
            int insert = at >= 0 ? at : -at - 1;
            System.arraycopy(sorted, insert, sorted, insert + 1, size - insert);
            sorted[insert] = values[i];
            size++;
            medians[i] = size % 2 == 1 ? sorted[size / 2] : sorted[size / 2 - 1] / 2 + sorted[size / 2] / 2;
        }
        return medians;
    }
}
