package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/** Hand-made series for rule tests: steps 1..n, values given or computed per step. */
final class Synthetic {
    private Synthetic() {
    }

    static ScalarSeries series(String tag, double... values) {
        long[] steps = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            steps[i] = i + 1;
        }
        return ScalarSeries.of(tag, steps, values);
    }

    static ScalarSeries series(String tag, int n, IntToDoubleFunction valueAtStep) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = valueAtStep.applyAsDouble(i + 1);
        }
        return series(tag, values);
    }

    /** Every 10th step of a train-loss curve, as an eval loss 5% above it. */
    static ScalarSeries evalOf(ScalarSeries train) {
        int n = train.size() / 10;
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            int index = 10 * (i + 1) - 1;
            steps[i] = train.step(index);
            values[i] = train.value(index) * 1.05;
        }
        return ScalarSeries.of("eval/loss", steps, values);
    }

    static Trial trial(String run, double lr, ScalarSeries train) {
        return Trial.of(run, lr, train, Optional.of(evalOf(train)), Optional.empty());
    }

    static Trial trainOnly(String run, double lr, ScalarSeries train) {
        return Trial.of(run, lr, train, Optional.empty(), Optional.empty());
    }

    /** A decaying loss with deterministic pseudo-noise of relative size {@code noise}. */
    static ScalarSeries decaying(int n, double start, double floor, double rate, double noise, long seed) {
        java.util.Random random = new java.util.Random(seed);
        return series("train/loss", n, step -> (floor + (start - floor) * Math.exp(-rate * step))
                * (1 + noise * random.nextGaussian()));
    }
}
