package dev.tunescope.plot;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive non-finite values of one series: where a run diverged. Charts draw it as a labelled band
 * ("NaN from step 130") instead of a strip of marks at the plot's edge, which people missed.
 *
 * @param fromStep the first non-finite point's step
 * @param toStep   the last one's step (the band reaches to the next finite point, if any)
 * @param kind     the kind of the first value in the stretch
 */
public record NonFiniteStretch(long fromStep, long toStep, NonFinite kind) {

    /** "NaN from step 130". */
    public String label() {
        return kind.label() + " from step " + fromStep;
    }

    /** The series' non-finite stretches, in step order. O(n). */
    public static List<NonFiniteStretch> of(ScalarSeries series) {
        List<NonFiniteStretch> stretches = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= series.size(); i++) {
            boolean finite = i == series.size() || Double.isFinite(series.value(i));
            if (!finite && start < 0) {
                start = i;
            } else if (finite && start >= 0) {
                stretches.add(new NonFiniteStretch(series.step(start), series.step(i - 1),
                        NonFinite.of(series.value(start))));
                start = -1;
            }
        }
        return List.copyOf(stretches);
    }
}
