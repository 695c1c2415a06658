package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.Synthetic.decaying;
import static dev.tunescope.diagnose.Synthetic.trial;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** lr* against the next rate when each was run with several seeds: better beyond their spread, or no different. */
class SeedSpreadTest {
    /** Three seeds at each rate, decaying to the given floors (seed-to-seed noise is in the floors). */
    private static List<Trial> sweep(double[] floorsAtLow, double[] floorsAtHigh) {
        List<Trial> trials = new ArrayList<>();
        for (int s = 0; s < floorsAtLow.length; s++) {
            trials.add(trial("lr_0.01_seed_" + s, 0.01, decaying(300, 2.0, floorsAtLow[s], 0.02, 0.002, s)));
            trials.add(trial("lr_0.03_seed_" + s, 0.03, decaying(300, 2.0, floorsAtHigh[s], 0.02, 0.002, 10 + s)));
        }
        return trials;
    }

    private static Optional<Finding> spread(List<Trial> trials) {
        return LrStarRule.find(trials, LrStarRule.Settings.DEFAULTS).flatMap(SeedSpread::of);
    }

    @Test
    void lrStarBetterBeyondTheSeedsSpreadIsSaidToBe() {
        Finding f = spread(sweep(new double[] {1.00, 1.01, 1.02}, new double[] {0.90, 0.91, 0.92})).orElseThrow();
        assertThat(f.message()).startsWith("lr* 0.03 over 3 seeds").contains("beyond the spread between seeds");
    }

    @Test
    void aDifferenceWithinTheSeedsSpreadIsNoDifference() {
        Finding f = spread(sweep(new double[] {0.99, 1.04, 1.01}, new double[] {1.00, 0.96, 1.03})).orElseThrow();
        assertThat(f.message()).contains("no difference").contains("either rate is lr*");
    }

    @Test
    void oneSeedPerRateSaysNothing() {
        List<Trial> single = List.of(trial("a", 0.01, decaying(300, 2.0, 1.0, 0.02, 0.002, 1)),
                trial("b", 0.03, decaying(300, 2.0, 0.9, 0.02, 0.002, 2)));
        assertThat(spread(single)).isEmpty();
    }
}
