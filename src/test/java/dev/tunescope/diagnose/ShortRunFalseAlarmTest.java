package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.Synthetic.series;
import static dev.tunescope.diagnose.Synthetic.trial;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Short runs are where the spread of the noise is least certain: a flat loss with 10% batch noise over 100 to 150
 * steps, judged 10,000 times, must raise almost no sign. Before thresholds took the uncertainty of a short run's
 * spread into account, about 1 in 1,000 such runs got a spike, a rise or an early jump.
 */
class ShortRunFalseAlarmTest {
    @Test
    void flatNoisyShortRunsRaiseAlmostNoSign() {
        InstabilityRule.Settings settings = InstabilityRule.Settings.DEFAULTS;
        StabilityJudge judge = new StabilityJudge(settings);
        int runs = 10_000;
        int alarms = 0;
        for (int seed = 0; seed < runs; seed++) {
            Random random = new Random(seed);
            int steps = 100 + seed % 51;
            Trial flat = trial("flat", 0.1, series("loss", steps, s -> 1.4 * (1 + 0.1 * random.nextGaussian())));
            if (!InstabilityRule.against(List.of(flat), Optional.empty(), judge, settings)
                    .trials().get(0).signs().isEmpty()) {
                alarms++;
            }
        }
        assertThat(alarms).as("false signs in %d flat runs", runs).isLessThanOrEqualTo(3);
    }
}
