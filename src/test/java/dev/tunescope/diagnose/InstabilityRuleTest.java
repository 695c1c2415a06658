package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.Synthetic.decaying;
import static dev.tunescope.diagnose.Synthetic.series;
import static dev.tunescope.diagnose.Synthetic.trial;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ScalarSeries;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InstabilityRuleTest {
    private static final InstabilityRule.Settings DEFAULTS = InstabilityRule.Settings.DEFAULTS;

    private static TrialStability assessOne(ScalarSeries train) {
        return InstabilityRule.assess(List.of(trial("t", 0.1, train)), OptionalDouble.empty(), DEFAULTS).trials()
                .get(0);
    }

    private static InstabilityKind firstKind(TrialStability t) {
        return t.firstSign().orElseThrow().kind();
    }

    @Test
    void aNoisyDecayingLossIsStable() {
        assertThat(assessOne(decaying(2000, 2.0, 0.3, 0.01, 0.03, 7)).signs()).isEmpty();
    }

    @Property(tries = 50)
    void noisyDecayingLossesOfAnyScaleAreStable(@ForAll @IntRange(min = -3, max = 3) int decade,
                                                 @ForAll long seed) {
        double scale = Math.pow(10, decade);
        ScalarSeries loss = decaying(1000, 2.0 * scale, 0.2 * scale, 0.005, 0.05, seed);
        assertThat(assessOne(loss).signs()).isEmpty();
    }

    @Test
    void nanOrInfinityIsDivergenceAtItsStep() {
        TrialStability t = assessOne(series("loss", 1.0, 0.9, 0.8, Double.POSITIVE_INFINITY, Double.NaN));
        assertThat(t.unstable()).isTrue();
        assertThat(firstKind(t)).isEqualTo(InstabilityKind.DIVERGENCE);
        assertThat(t.firstUnstableStep()).hasValue(4);
    }

    @Test
    void nanAtTheFirstStep() {
        TrialStability t = assessOne(series("loss", Double.NaN, 1.0, 0.9));
        assertThat(t.firstUnstableStep()).hasValue(1);
    }

    @Test
    void aNonFiniteEvalLossCountsToo() {
        ScalarSeries train = series("loss", 20, s -> 1.0 / s);
        Trial t = new Trial("t", 0.1, 0, train, Optional.of(series("eval", 0.5, 0.4, Double.NaN)), Optional.empty(),
                Optional.empty());
        TrialStability verdict = InstabilityRule.assess(List.of(t), OptionalDouble.empty(), DEFAULTS).trials().get(0);
        assertThat(verdict.signs()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(InstabilityKind.DIVERGENCE);
            assertThat(s.tag()).isEqualTo("eval loss");
            assertThat(s.step()).isEqualTo(3);
        });
    }

    @Test
    void aBlowUpPastTenTimesTheStartIsAnExplosion() {
        double[] loss = new double[40];
        for (int i = 0; i < 40; i++) {
            loss[i] = i < 30 ? 1.0 - i * 0.01 : 1.0 * Math.pow(3, i - 29);
        }
        TrialStability t = assessOne(series("loss", loss));
        assertThat(t.signs()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(InstabilityKind.EXPLOSION);
            assertThat(s.step()).isEqualTo(33); // 3^3 = 27 > 10 x the start of 0.955
        });
    }

    @Test
    void aSingleSpikeInNoiseIsFoundAtItsStep() {
        ScalarSeries base = decaying(600, 1.0, 0.5, 0.01, 0.02, 3);
        double[] values = base.valuesCopy();
        values[399] = values[398] * 2.5;
        TrialStability t = assessOne(series("loss", values));
        assertThat(t.signs()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(InstabilityKind.SPIKE);
            assertThat(s.step()).isEqualTo(400);
        });
    }

    @Test
    void aSpikeThatDoesNotComeBackIsNotASpike() {
        ScalarSeries loss = series("loss", 200, s -> s < 150 ? 1.0 : 1.2);
        assertThat(assessOne(loss).signs()).noneMatch(s -> s.kind() == InstabilityKind.SPIKE);
    }

    @Test
    void aRiseThatStaysIsASustainedRise() {
        // down from 1.0 to 0.4 by step 200, then up to 0.8 from step 300 on
        ScalarSeries loss = series("loss", 600, s -> s <= 200 ? 1.0 - 0.003 * s : s < 300 ? 0.4 : 0.8);
        TrialStability t = assessOne(loss);
        assertThat(t.signs()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(InstabilityKind.SUSTAINED_RISE);
            assertThat(s.step()).isBetween(300L, 330L); // once the running median has crossed
        });
    }

    @Test
    void aCollapseToAPlateauFarAboveTheLowerLearningRatesIsUnstable() {
        // Adam on a Transformer: the low LRs reach 1.5; the top LR never gets under 4.2 (a uniform guess)
        Trial low = trial("lr_1e-4", 1e-4, decaying(1000, 5.0, 1.6, 0.005, 0.01, 1));
        Trial best = trial("lr_3e-4", 3e-4, decaying(1000, 5.0, 1.5, 0.008, 0.01, 2));
        Trial stuck = trial("lr_3e-3", 3e-3, series("train/loss", 1000, s -> 4.2 + 0.8 * Math.exp(-0.05 * s)));
        InstabilityRule.Result result = InstabilityRule.assess(List.of(stuck, best, low), OptionalDouble.of(3e-4),
                DEFAULTS);
        assertThat(result.unstable()).singleElement().satisfies(t -> {
            assertThat(t.run()).isEqualTo("lr_3e-3");
            assertThat(firstKind(t)).isEqualTo(InstabilityKind.PLATEAU);
        });
        assertThat(result.unstableBaseLr()).hasValue(3e-3);
    }

    @Test
    void aPlateauIsOnlyJudgedAboveLrStar() {
        Trial slow = trial("lr_1e-5", 1e-5, series("train/loss", 1000, s -> 4.2 + 0.8 * Math.exp(-0.05 * s)));
        Trial best = trial("lr_3e-4", 3e-4, decaying(1000, 5.0, 1.5, 0.008, 0.01, 2));
        assertThat(InstabilityRule.assess(List.of(slow, best), OptionalDouble.of(3e-4), DEFAULTS).unstable())
                .isEmpty();
    }

    @Test
    void unstableBaseLrIsTheSmallestUnstableLearningRateEvenWhenAllAreUnstable() {
        ScalarSeries diverging = series("loss", 1.0, 0.9, Double.NaN);
        InstabilityRule.Result result = InstabilityRule.assess(List.of(trial("b", 1.0, diverging),
                trial("a", 0.3, diverging)), OptionalDouble.empty(), DEFAULTS);
        assertThat(result.unstable()).hasSize(2);
        assertThat(result.unstableBaseLr()).hasValue(0.3);
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                .isEqualTo("unstable_base_lr = 0.3: the smallest learning rate with an unstable trial."));
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                .isEqualTo("lr 0.3 is unstable from step 3: the train loss diverged to NaN/Inf."));
    }

    @Test
    void aOnePointSeriesIsStable() {
        assertThat(assessOne(series("loss", 0.7)).unstable()).isFalse();
    }

    @Test
    void noUnstableTrialSaysSo() {
        InstabilityRule.Result result = InstabilityRule.assess(List.of(trial("a", 0.1,
                decaying(300, 1, 0.1, 0.02, 0.01, 4))), OptionalDouble.empty(), DEFAULTS);
        assertThat(result.unstableBaseLr()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.message()).startsWith("No trial"));
    }
}
