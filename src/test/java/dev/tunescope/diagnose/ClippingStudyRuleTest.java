package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClippingStudyRuleTest {
    private static final double GAP = InstabilityRule.Settings.DEFAULTS.plateauGap();

    /** A trial at {@code lr}, clipped at {@code clip} (0: unclipped), stable or unstable from a step. */
    private static JudgedTrial judged(String run, double lr, double clip, long unstableAt) {
        Trial trial = Synthetic.trial(run, lr, Synthetic.series("train/loss", 300, s -> 1.0 / s));
        if (clip > 0) {
            trial = trial.withClip(clip);
        }
        List<InstabilitySign> signs = unstableAt > 0 ? List.of(InstabilitySign.at(InstabilityKind.DIVERGENCE,
                unstableAt, Double.NaN, "train loss")) : List.of();
        return new JudgedTrial(trial, new TrialStability(run, lr, 0, trial.clipThreshold(), signs,
                Optional.empty()));
    }

    @Test
    void theLargestThresholdThatStabilisesTheUnstableTwinIsKept() {
        ClippingStudyRule.Verdict verdict = ClippingStudyRule.assess(List.of(judged("none", 0.1, 0, 40),
                judged("c1", 0.1, 1, 0), judged("c2", 0.1, 2, 0), judged("c8", 0.1, 8, 60)), List.of(), GAP,
                ClippingAdvisor.Settings.DEFAULTS);

        assertThat(verdict.rescued()).isTrue();
        assertThat(verdict.rescuedThreshold()).hasValue(2);
        assertThat(verdict.rescuedLearningRate()).hasValue(0.1);
    }

    @Test
    void withSeedsAThresholdRescuesOnlyWhenEverySeedIsStable() {
        // clip 2 holds in two seeds of three, clip 1 in all three; the twin is unstable in one seed of two
        ClippingStudyRule.Verdict verdict = ClippingStudyRule.assess(List.of(judged("none-s1", 0.1, 0, 0),
                judged("none-s2", 0.1, 0, 40), judged("c1-s1", 0.1, 1, 0), judged("c1-s2", 0.1, 1, 0),
                judged("c1-s3", 0.1, 1, 0), judged("c2-s1", 0.1, 2, 0), judged("c2-s2", 0.1, 2, 90),
                judged("c2-s3", 0.1, 2, 0)), List.of(), GAP, ClippingAdvisor.Settings.DEFAULTS);

        assertThat(verdict.rescued()).isTrue();
        assertThat(verdict.rescuedThreshold()).hasValue(1);
        assertThat(verdict.findings()).anySatisfy(f -> assertThat(f.message()).isEqualTo("At lr 0.1, clipping at 2"
                + " rescued 2 of 3 seeds: not a rescue, since the seeds disagree (a rescue must hold for every"
                + " seed)."));
    }

    @Test
    void aRateStableInEverySeedWithoutClippingNeedsNoRescue() {
        ClippingStudyRule.Verdict verdict = ClippingStudyRule.assess(List.of(judged("none-s1", 0.1, 0, 0),
                judged("none-s2", 0.1, 0, 0), judged("c1-s1", 0.1, 1, 0), judged("c1-s2", 0.1, 1, 0)), List.of(),
                GAP, ClippingAdvisor.Settings.DEFAULTS);

        assertThat(verdict.rescued()).isFalse();
        assertThat(verdict.rescuedThreshold()).isEmpty();
    }
}
