package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.Arrays;

/**
 * One loss series made ready for the instability rules: its points, a centred running median of them, the best
 * smoothed level reached so far at each point, where the run started, how much it has learned, and how noisy it
 * is. Every instability threshold is a share of {@link #scale()} (the drop from the starting level to the best
 * level) or a multiple of the noise, never of the loss itself: a loss that falls from 1.2 to 0.005 and then
 * wobbles at 0.01 has doubled, but has not gone up by any share of what it learned. The same settings therefore
 * serve a cross-entropy of 10 and a mean squared error of 0.001.
 *
 * <p>The median is centred, so the smoothed curve neither lags nor leads: where the loss blows up at step k, the
 * smoothed curve stays low until k. Non-finite points are left out of every statistic (they are divergence).
 */
final class LossCurve {
    /** The centred median's window: at most this many points, at least {@link #MIN_WINDOW}, about a tenth of the run. */
    static final int MAX_WINDOW = 25;
    static final int MIN_WINDOW = 5;
    /** The starting level is read from this many first finite points (and the first one). */
    static final int START_POINTS = 10;
    /** Noise of a median of w points, per unit of the points' standard deviation, times sqrt(w). */
    private static final double MEDIAN_NOISE = 1.2533;

    private final ScalarSeries series;
    private final double[] raw;
    private final double[] smooth;
    private final double[] best;
    private final int window;
    private final double start;
    private final double lowest;
    private final double scale;
    private final double noise;

    private LossCurve(ScalarSeries series) {
        this.series = series;
        this.raw = series.valuesCopy();
        int finite = (int) Arrays.stream(raw).filter(Double::isFinite).count();
        this.window = oddWindow(finite / 10);
        this.smooth = centredMedian(raw, window);
        this.best = new double[raw.length];
        double low = Double.POSITIVE_INFINITY;
        for (int i = 0; i < raw.length; i++) {
            if (Double.isFinite(smooth[i])) {
                low = Math.min(low, smooth[i]);
            }
            best[i] = low;
        }
        this.lowest = low;
        this.start = startingLevel(raw);
        double startSmooth = firstFinite(smooth);
        double drop = Double.isFinite(startSmooth) && Double.isFinite(low) ? Math.max(startSmooth, start) - low : 0;
        double floor = Double.isFinite(start) ? 0.1 * Math.abs(start) : 0;
        this.scale = Math.max(Math.max(drop, floor), 1e-12);
        this.noise = residualSigma(raw, smooth);
    }

    static LossCurve of(ScalarSeries series) {
        return new LossCurve(series);
    }

    ScalarSeries series() {
        return series;
    }

    int size() {
        return raw.length;
    }

    long step(int i) {
        return series.step(i);
    }

    double raw(int i) {
        return raw[i];
    }

    /** The centred running median at point i; NaN where its window holds no finite value. */
    double smooth(int i) {
        return smooth[i];
    }

    /** The lowest smoothed level up to and including point i (+Infinity before the first finite one). */
    double best(int i) {
        return best[i];
    }

    int window() {
        return window;
    }

    /** Where the run started: the larger of its first finite value and the median of its first ten. */
    double start() {
        return start;
    }

    /** The lowest smoothed level the run reached. */
    double lowest() {
        return lowest;
    }

    /**
     * How much the run learned: from its start down to its lowest smoothed level; for a run that learned next to
     * nothing, a tenth of its starting level, so that noise is not mistaken for a rise.
     */
    double scale() {
        return scale;
    }

    /** The robust standard deviation of the points around the smoothed curve (1.4826 MAD). */
    double noise() {
        return noise;
    }

    /** {@link #noise()} at the upper end of what its estimate allows (see {@link RunningMedian#madUpperFactor}). */
    double noiseBound() {
        return noise * RunningMedian.madUpperFactor(raw.length);
    }

    /** The standard deviation of the smoothed curve itself: the noise of a median of {@link #window()} points. */
    double smoothNoise() {
        return MEDIAN_NOISE * noise / Math.sqrt(window);
    }

    /** The smoothed level at {@code step}, linearly interpolated between points; NaN outside the run. */
    double smoothAt(long step) {
        if (raw.length == 0 || step < series.firstStep() || step > series.lastStep()) {
            return Double.NaN;
        }
        int at = series.indexAtOrAfter(step);
        if (series.step(at) == step) {
            return smooth[at];
        }
        double t = (double) (step - series.step(at - 1)) / (series.step(at) - series.step(at - 1));
        return smooth[at - 1] + t * (smooth[at] - smooth[at - 1]);
    }

    /** The median of the last {@code share} of the finite points (at least five): where the run ended. */
    double finalLevel(double share) {
        double[] finite = Arrays.stream(raw).filter(Double::isFinite).toArray();
        int tail = Math.max(5, (int) Math.ceil(finite.length * share));
        return RunningMedian.median(Arrays.copyOfRange(finite, Math.max(0, finite.length - tail), finite.length));
    }

    private static int oddWindow(int wanted) {
        int w = Math.max(MIN_WINDOW, Math.min(MAX_WINDOW, wanted));
        return w % 2 == 1 ? w : w + 1;
    }

    /** The median of the finite values among the {@code window} points centred on each point. */
    static double[] centredMedian(double[] values, int window) {
        int half = window / 2;
        RunningMedian running = new RunningMedian(window);
        double[] out = new double[values.length];
        int added = 0; // points [0, added) have been added
        for (int i = 0; i < values.length; i++) {
            if (i - half - 1 >= 0) {
                running.remove(values[i - half - 1]); // first, so the window never holds more than it can
            }
            while (added < values.length && added <= i + half) {
                running.add(values[added++]);
            }
            out[i] = running.median();
        }
        return out;
    }

    private static double startingLevel(double[] values) {
        double first = firstFinite(values);
        double[] head = Arrays.stream(values).filter(Double::isFinite).limit(START_POINTS).toArray();
        double median = RunningMedian.median(head);
        return Double.isFinite(first) ? Math.max(first, median) : median;
    }

    private static double firstFinite(double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                return v;
            }
        }
        return Double.NaN;
    }

    private static double residualSigma(double[] raw, double[] smooth) {
        double[] residuals = new double[raw.length];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            if (Double.isFinite(raw[i]) && Double.isFinite(smooth[i])) {
                residuals[n++] = raw[i] - smooth[i];
            }
        }
        if (n == 0) {
            return 0;
        }
        double[] r = Arrays.copyOf(residuals, n);
        double median = RunningMedian.median(r);
        for (int i = 0; i < n; i++) {
            r[i] = Math.abs(r[i] - median);
        }
        return RunningMedian.MAD_TO_SIGMA * RunningMedian.median(r);
    }
}
