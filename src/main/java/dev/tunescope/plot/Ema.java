package dev.tunescope.plot;

import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.ScalarSeriesBuilder;

/**
 * TensorBoard's smoothing: an exponential moving average, debiased so that the first points are not pulled toward
 * zero. With weight {@code w} and {@code n} finite values seen so far,
 * {@code last = w * last + (1 - w) * value} and the smoothed value is {@code last / (1 - w^n)}.
 *
 * <p>A non-finite value is passed through as it is (it marks divergence) and does not enter the average, so the
 * points after it are smoothed from the finite ones only. A series whose values are all equal is returned as it is,
 * as TensorBoard does.
 */
public final class Ema {

    private Ema() {
    }

    /**
     * The smoothed series: same tag, steps and wall times.
     *
     * @param weight in {@code [0, 1)}; 0 leaves the values as they are, 0.6 is TensorBoard's default
     */
    public static ScalarSeries smooth(ScalarSeries series, double weight) {
        if (!(weight >= 0 && weight < 1)) {
            throw new IllegalArgumentException("EMA weight must be in [0, 1), got " + weight);
        }
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder(series.tag());
        boolean constant = isConstant(series);
        double last = 0;
        double decay = 1; // w^n
        for (int i = 0; i < series.size(); i++) {
            double value = series.value(i);
            double smoothed = value;
            if (!constant && Double.isFinite(value)) {
                last = last * weight + (1 - weight) * value;
                decay *= weight;
                smoothed = last / (1 - decay);
            }
            builder.add(series.step(i), smoothed, series.wallTime(i));
        }
        return builder.build();
    }

    private static boolean isConstant(ScalarSeries series) {
        for (int i = 1; i < series.size(); i++) {
            if (Double.compare(series.value(i), series.value(0)) != 0) {
                return false;
            }
        }
        return true;
    }
}
