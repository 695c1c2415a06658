package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.Synthetic.decaying;
import static dev.tunescope.diagnose.Synthetic.series;
import static dev.tunescope.diagnose.Synthetic.trial;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ScalarSeries;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class InstabilityRuleTest {
    private static final InstabilityRule.Settings DEFAULTS = InstabilityRule.Settings.DEFAULTS;

    private static InstabilityRule.Result assess(Optional<Trial> reference, Trial... trials) {
        return InstabilityRule.against(List.of(trials), reference, new StabilityJudge(DEFAULTS), DEFAULTS);
    }

    private static TrialStability assessOne(ScalarSeries train) {
        return assess(Optional.empty(), trial("t", 0.1, train)).trials().get(0);
    }

    private static InstabilityKind mainKind(TrialStability t) {
        return t.mainSign().orElseThrow().kind();
    }

    @Test
    void aNoisyDecayingLossIsStable() {
        assertThat(assessOne(decaying(2000, 2.0, 0.3, 0.01, 0.03, 7)).signs()).isEmpty();
    }

    @Property(tries = 500)
    void noisyDecayingLossesOfAnyScaleAreStable(@ForAll @IntRange(min = -3, max = 3) int decade,
                                                 @ForAll long seed) {
        double scale = Math.pow(10, decade);
        ScalarSeries loss = decaying(1000, 2.0 * scale, 0.2 * scale, 0.005, 0.05, seed);
        assertThat(assessOne(loss).signs()).isEmpty();
    }

    /** A run that learns nothing but is noisy (batch-to-batch noise of 10%) has no rise, jump or spike. */
    @Property(tries = 500)
    void aFlatNoisyLossIsStable(@ForAll @IntRange(min = 100, max = 5000) int steps, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        assertThat(assessOne(series("loss", steps, s -> 1.4 * (1 + 0.1 * random.nextGaussian()))).signs()).isEmpty();
    }

    @Test
    void fastConvergenceIsNeverABlowUp() {
        // 1.17 down to 0.005 in ten steps, then batch noise of +-50% around 0.005: tenfold its early minimum, but
        // a tiny share of what it learned
        java.util.Random random = new java.util.Random(5);
        TrialStability t = assessOne(series("loss", 400, s -> s <= 10 ? 1.17 * Math.pow(0.005 / 1.17, (s - 1) / 9.0)
                : 0.005 * (1 + 0.5 * Math.abs(random.nextGaussian()))));
        assertThat(t.signs()).isEmpty();
    }

    @Test
    void nanOrInfinityIsDivergenceWithItsOnsetWhereTheLossLeftItsBest() {
        TrialStability t = assessOne(series("loss", 1.0, 0.9, 0.8, 0.7, 0.6, Double.POSITIVE_INFINITY, Double.NaN));
        assertThat(t.unstable()).isTrue();
        assertThat(mainKind(t)).isEqualTo(InstabilityKind.DIVERGENCE);
        assertThat(t.mainSign().orElseThrow().step()).isEqualTo(6);
        assertThat(t.onsetStep()).hasValue(6); // it was at its best right up to the step before
    }

    @Test
    void nanAtTheFirstStep() {
        TrialStability t = assessOne(series("loss", Double.NaN, 1.0, 0.9));
        assertThat(t.onsetStep()).hasValue(1);
    }

    @Test
    void aNonFiniteEvalLossCountsToo() {
        ScalarSeries train = series("loss", 20, s -> 1.0 / s);
        Trial t = Trial.of("t", 0.1, train, Optional.of(series("eval", 0.5, 0.4, Double.NaN)), Optional.empty());
        TrialStability verdict = assess(Optional.empty(), t).trials().get(0);
        assertThat(verdict.signs()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(InstabilityKind.DIVERGENCE);
            assertThat(s.tag()).isEqualTo("eval loss");
            assertThat(s.step()).isEqualTo(3);
        });
    }

    @Test
    void aBlowUpPastTenTimesTheStartIsAnExplosionWhoseOnsetIsWhereItTurned() {
        double[] loss = new double[40];
        for (int i = 0; i < 40; i++) {
            loss[i] = i < 30 ? 1.0 - i * 0.01 : 1.0 * Math.pow(3, i - 29);
        }
        TrialStability t = assessOne(series("loss", loss));
        assertThat(t.signs()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(InstabilityKind.EXPLOSION);
            assertThat(s.step()).isEqualTo(33); // 3^3 = 27 > 10 x the start of 1.0
            assertThat(s.onset()).isBetween(29L, 32L); // it turned up after step 30
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
    void aRiseThatStaysIsASustainedRiseFromWhereItLeftItsBest() {
        // down from 1.0 to 0.4 by step 200, then up to 0.8 from step 300 on
        ScalarSeries loss = series("loss", 600, s -> s <= 200 ? 1.0 - 0.003 * s : s < 300 ? 0.4 : 0.8);
        TrialStability t = assessOne(loss);
        assertThat(t.signs()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(InstabilityKind.SUSTAINED_RISE);
            assertThat(s.step()).isBetween(285L, 300L); // the centred median crosses half a window early
            assertThat(s.onset()).isBetween(285L, 300L);
        });
    }

    @Test
    void anEarlyJumpThatComesBackIsFound() {
        // a too-high rate: the loss falls, jumps back above its start within the first steps, then recovers
        ScalarSeries loss = series("loss", 400, s -> s <= 3 ? 5.5 - 0.5 * s : s <= 8 ? 7.5 : 3.5 * Math.exp(-0.004 * s) + 1);
        TrialStability t = assessOne(loss);
        assertThat(t.signs()).anySatisfy(s -> {
            assertThat(s.kind()).isEqualTo(InstabilityKind.EARLY_JUMP);
            assertThat(s.step()).isBetween(3L, 6L);
        });
    }

    @Test
    void aCollapseToAPlateauFarAboveLrStarIsUnstableFromWhereItLeftLrStar() {
        // Adam on a Transformer: lr* reaches 1.5; the top LR falls as fast at first, then never gets under 4.2
        Trial low = trial("lr_1e-4", 1e-4, decaying(1000, 5.0, 1.6, 0.005, 0.01, 1));
        Trial best = trial("lr_3e-4", 3e-4, decaying(1000, 5.0, 1.5, 0.008, 0.01, 2));
        Trial stuck = trial("lr_3e-3", 3e-3, series("train/loss", 1000, s -> Math.max(4.2, 1.5 + 3.5
                * Math.exp(-0.008 * s)) * (1 + 0.01 * Math.sin(s))));
        InstabilityRule.Result result = assess(Optional.of(best), stuck, best, low);
        assertThat(result.unstable()).singleElement().satisfies(t -> {
            assertThat(t.run()).isEqualTo("lr_3e-3");
            assertThat(mainKind(t)).isEqualTo(InstabilityKind.PLATEAU);
            // lr* passes 4.2 at step ~23 and leaves it behind; never step 1
            assertThat(t.onsetStep().orElseThrow()).isBetween(15L, 80L);
            assertThat(t.reference()).contains("lr_3e-4");
        });
        assertThat(result.unstableBaseLr()).hasValue(3e-3);
    }

    @Test
    void aSlowerTrialThatIsStillImprovingIsNotAPlateau() {
        Trial best = trial("lr_3e-4", 3e-4, decaying(1000, 5.0, 1.5, 0.008, 0.01, 2));
        Trial slow = trial("lr_3e-3", 3e-3, decaying(1000, 5.0, 1.5, 0.0015, 0.01, 3)); // 2.3 at the end, falling
        assertThat(assess(Optional.of(best), best, slow).unstable()).isEmpty();
    }

    @Test
    void trialsOfDifferentLengthsAreComparedAtEqualSteps() {
        // the trial stops at step 100, where lr* stood at about the same loss: no plateau, however low lr* got later
        Trial best = trial("lr_3e-4", 3e-4, decaying(1000, 5.0, 1.5, 0.008, 0.01, 2));
        Trial shorter = trial("lr_3e-3", 3e-3, decaying(100, 5.0, 1.5, 0.008, 0.01, 4));
        assertThat(assess(Optional.of(best), best, shorter).unstable()).isEmpty();
    }

    @Test
    void aPlateauIsOnlyJudgedAboveLrStar() {
        Trial slow = trial("lr_1e-5", 1e-5, series("train/loss", 1000, s -> 4.2 + 0.8 * Math.exp(-0.05 * s)));
        Trial best = trial("lr_3e-4", 3e-4, decaying(1000, 5.0, 1.5, 0.008, 0.01, 2));
        assertThat(assess(Optional.of(best), slow, best).unstable()).isEmpty();
    }

    @Test
    void withSeedsOneUnstableSeedMakesTheRateUnstableAndTheTallySaysHowMany() {
        ScalarSeries diverging = series("loss", 1.0, 0.9, Double.NaN);
        ScalarSeries falling = series("loss", 1.0, 0.9, 0.8);
        InstabilityRule.Result result = assess(Optional.empty(), trial("lr_0.1_s1", 0.1, falling),
                trial("lr_0.3_s1", 0.3, falling), trial("lr_0.3_s2", 0.3, diverging), trial("lr_0.3_s3", 0.3, falling));

        assertThat(result.unstableBaseLr()).hasValue(0.3);
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message()).isEqualTo("unstable_base_lr = 0.3:"
                + " the smallest learning rate above lr* with an unstable trial (stable up to 0.1, unstable in 1 of 3"
                + " seeds)."));
    }

    @Test
    void unstableBaseLrIsTheSmallestUnstableLearningRateEvenWhenAllAreUnstable() {
        ScalarSeries diverging = series("loss", 1.0, 0.9, Double.NaN);
        InstabilityRule.Result result = assess(Optional.empty(), trial("b", 1.0, diverging), trial("a", 0.3, diverging));
        assertThat(result.unstable()).hasSize(2);
        assertThat(result.unstableBaseLr()).hasValue(0.3);
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                .isEqualTo("unstable_base_lr = 0.3: the smallest learning rate above lr* with an unstable trial."));
        assertThat(result.findings()).anySatisfy(f -> assertThat(f.message())
                .isEqualTo("lr 0.3 is unstable from step 3: the train loss diverged to NaN/Inf."));
    }

    @Test
    void aOnePointSeriesIsStable() {
        assertThat(assessOne(series("loss", 0.7)).unstable()).isFalse();
    }

    @Test
    void noUnstableTrialSaysSo() {
        InstabilityRule.Result result = assess(Optional.empty(), trial("a", 0.1, decaying(300, 1, 0.1, 0.02, 0.01, 4)));
        assertThat(result.unstableBaseLr()).isEmpty();
        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.message()).startsWith("No trial"));
    }
}
