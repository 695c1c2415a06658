package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The noise floor of an eval curve: the median absolute change between consecutive eval points, how far noise alone
 * moves one eval. A "better" claim smaller than this is one eval's wobble (RULES.md: a difference smaller than the
 * noise is no difference), so it is shown next to every verification answer.
 */
public final class EvalSwing {
    private EvalSwing() {
    }

    /** Empty for fewer than three finite eval points. */
    public static OptionalDouble median(ScalarSeries eval) {
        double[] v = Arrays.stream(eval.valuesCopy()).filter(Double::isFinite).toArray();
        if (v.length < 3) {
            return OptionalDouble.empty();
        }
        double[] swings = new double[v.length - 1];
        for (int i = 1; i < v.length; i++) {
            swings[i - 1] = Math.abs(v[i] - v[i - 1]);
        }
        Arrays.sort(swings);
        return OptionalDouble.of(swings[swings.length / 2]);
    }
}
