package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class WarmupAdvisorTest {
    private static final WarmupAdvisor.Settings DEFAULTS = WarmupAdvisor.Settings.DEFAULTS;
    private static final double GAP = InstabilityRule.Settings.DEFAULTS.plateauGap();

    /** A trial at {@code lr} with {@code warmup} steps that ran {@code steps} steps, stable or unstable from a step. */
    private static JudgedTrial judged(String run, double lr, long warmup, int steps, long unstableAt) {
        Trial trial = Synthetic.trial(run, lr, Synthetic.series("train/loss", steps, s -> 1.0 / s)).withWarmup(warmup);
        List<InstabilitySign> signs = unstableAt > 0 ? List.of(InstabilitySign.at(InstabilityKind.DIVERGENCE,
                unstableAt, Double.NaN, "train loss")) : List.of();
        return new JudgedTrial(trial, new TrialStability(run, lr, warmup, OptionalDouble.empty(), signs,
                Optional.empty()));
    }

    private static WarmupAdvisor.ByLearningRate only(WarmupAdvisor.WarmupAdvice advice) {
        assertThat(advice.byLearningRate()).hasSize(1);
        return advice.byLearningRate().get(0);
    }

    @Test
    void theShortestStableWarmupThatOutlastsTheTwinsInstabilityRescuesTheRate() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(judged("w0", 3, 0, 60, 50),
                judged("w1000", 3, 1000, 3000, 0), judged("w10", 3, 10, 100, 80), judged("w100", 3, 100, 300, 0)),
                List.of(), 20_000, GAP, DEFAULTS);
        WarmupAdvisor.ByLearningRate rate = only(advice);
        assertThat(rate.outcome()).isEqualTo(WarmupAdvisor.Outcome.RESCUED);
        assertThat(rate.twin()).contains("w0");
        assertThat(rate.tried()).extracting(WarmupAdvisor.WarmupTrial::warmupSteps).containsExactly(0L, 10L, 100L, 1000L);
        assertThat(rate.shortestStable()).hasValue(100);
        assertThat(advice.recommendedWarmup()).hasValue(100);
        assertThat(advice.scheduleSteps()).hasValue(20_100);
        assertThat(advice.findings().get(0).message()).isEqualTo("Warmup rescues lr 3: 100 steps is the shortest"
                + " stable warmup (no warmup: unstable from step 50; 10 steps: unstable from step 80; 100 steps:"
                + " stable; 1000 steps: stable).");
    }

    @Test
    void withSeedsAWarmupRescuesOnlyWhenEverySeedIsRescued() {
        // Three seeds a length: 30 steps rescues two of them, 100 steps all three; one unstable twin seed is enough.
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(judged("w0s1", 3, 0, 300, 0),
                judged("w0s2", 3, 0, 300, 50), judged("w30s1", 3, 30, 300, 0), judged("w30s2", 3, 30, 300, 120),
                judged("w30s3", 3, 30, 300, 0), judged("w100s1", 3, 100, 300, 0), judged("w100s2", 3, 100, 300, 0),
                judged("w100s3", 3, 100, 300, 0)), List.of(), 3000, GAP, DEFAULTS);
        WarmupAdvisor.ByLearningRate rate = only(advice);

        assertThat(rate.outcome()).isEqualTo(WarmupAdvisor.Outcome.RESCUED);
        assertThat(rate.twin()).contains("w0s2");
        assertThat(rate.shortestStable()).hasValue(100);
        assertThat(rate.splitSeeds()).containsOnlyKeys(30L);
        assertThat(advice.findings()).anySatisfy(f -> assertThat(f.message()).isEqualTo("At lr 3, 30 warmup steps"
                + " rescued 2 of 3 seeds: not a rescue, since the seeds disagree (a rescue must hold for every seed);"
                + " try a longer warmup."));
    }

    @Test
    void withOneSeedEachAWarmupIsJudgedAsBefore() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(judged("w0", 3, 0, 300, 50),
                judged("w30", 3, 30, 300, 0)), List.of(), 3000, GAP, DEFAULTS);

        assertThat(only(advice).shortestStable()).hasValue(30);
        assertThat(only(advice).splitSeeds()).isEmpty();
    }

    @Test
    void aStableTrialThatEndedBeforeTheTwinsInstabilityShowedIsTooShortToTell() {
        // the twin shows its instability at step 40; the 10-step warmup ran 30 steps, the playbook's 3 x warmup
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(judged("w10", 0.01, 10, 30, 0)),
                List.of(judged("sweep/lr_0.01", 0.01, 0, 300, 40)), 300, GAP, DEFAULTS);
        WarmupAdvisor.ByLearningRate rate = only(advice);
        assertThat(rate.outcome()).isEqualTo(WarmupAdvisor.Outcome.TOO_SHORT);
        assertThat(rate.twin()).contains("sweep/lr_0.01");
        assertThat(rate.shortestStable()).isEmpty();
        assertThat(advice.recommendedWarmup()).isEmpty();
        assertThat(advice.findings().get(0).message()).startsWith("Too short to tell at lr 0.01")
                .contains("10 steps: stable but too short (ended at step 30)");
    }

    @Test
    void eachRateGetsItsOwnVerdict() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(judged("a0", 0.01, 0, 300, 40),
                judged("a100", 0.01, 100, 300, 0), judged("b0", 0.1, 0, 300, 20), judged("b100", 0.1, 100, 300, 150)),
                List.of(), 300, GAP, DEFAULTS);
        assertThat(advice.byLearningRate()).extracting(WarmupAdvisor.ByLearningRate::outcome)
                .containsExactly(WarmupAdvisor.Outcome.RESCUED, WarmupAdvisor.Outcome.NOT_RESCUED);
        assertThat(advice.recommendedLearningRate()).hasValue(0.01);
        assertThat(advice.rescuedAny()).isTrue();
        assertThat(advice.failedAny()).isTrue();
        assertThat(advice.findings()).anySatisfy(f -> assertThat(f.message()).isEqualTo("No warmup tried rescues"
                + " lr 0.1 (no warmup: unstable from step 20; 100 steps: unstable from step 150)."));
    }

    @Test
    void thePlaybooksLimitsApplyToTheAnswer() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(judged("w0", 3, 0, 300, 40),
                judged("w100", 3, 100, 300, 0)), List.of(), 300, GAP, DEFAULTS);
        WarmupAdvisor.Limits limits = only(advice).limits().orElseThrow();
        assertThat(limits.share()).isEqualTo(100.0 / 300);
        assertThat(limits.beyondDesign()).isTrue();
        assertThat(limits.raiseMaxTrainStepsTo()).hasValue(2000);
        assertThat(limits.scheduleSteps()).isEqualTo(400);
        assertThat(advice.findings()).anySatisfy(f -> assertThat(f.message()).contains("beyond the study's design"));
        assertThat(advice.findings()).anySatisfy(f -> assertThat(f.message())
                .contains("raise max_train_steps to at least 2000"));
        WarmupAdvisor.Limits within = WarmupAdvisor.limits(400, 10_000, DEFAULTS);
        assertThat(within.beyondDesign()).isFalse();
        assertThat(within.raiseMaxTrainStepsTo()).isEmpty();
    }

    @Test
    void aStableTrialThatEndsFarAboveTheReferenceDidNotTrainAndRescuesNothing() {
        // the 30-step warmup escaped the plateau late and ends 40% of what the reference learned above it
        JudgedTrial late = judged("w30", 0.01, 30, 300, 0);
        late = new JudgedTrial(late.trial(), late.verdict(), 0.4);
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(judged("w0", 0.01, 0, 300, 40), late,
                new JudgedTrial(judged("w100", 0.01, 100, 300, 0).trial(), judged("w100", 0.01, 100, 300, 0)
                        .verdict(), 0.02)), List.of(), 300, GAP, DEFAULTS);
        WarmupAdvisor.ByLearningRate rate = only(advice);
        assertThat(rate.tried().get(1).farAbove()).isTrue();
        assertThat(rate.tried().get(1).rescues()).isFalse();
        assertThat(rate.shortestStable()).hasValue(100);
        assertThat(advice.findings().get(0).message()).contains("30 steps: stable but ends far above the reference");
    }

    @Test
    void aRateThatIsStableWithoutWarmupNeedsNone() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(judged("w0", 3, 0, 300, 0),
                judged("w100", 3, 100, 300, 0)), List.of(), 300, GAP, DEFAULTS);
        assertThat(only(advice).outcome()).isEqualTo(WarmupAdvisor.Outcome.NOT_NEEDED);
        assertThat(advice.recommendedWarmup()).isEmpty();
    }

    @Test
    void withoutATwinAStableWarmupIsStableButNotShownToBeNeeded() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(judged("w40", 0.3, 40, 400, 0),
                judged("w120", 0.3, 120, 400, 0)), List.of(), 400, GAP, DEFAULTS);
        assertThat(only(advice).outcome()).isEqualTo(WarmupAdvisor.Outcome.STABLE_NO_TWIN);
        assertThat(advice.recommendedWarmup()).hasValue(40);
    }

    @Test
    void theProposedStudyFollowsThePlaybook() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.propose(0.316, 100_000, DEFAULTS);
        WarmupAdvisor.StudyPlan plan = advice.plan().orElseThrow();
        assertThat(plan.baseLr()).isEqualTo(3.16);
        assertThat(plan.warmupSteps()).containsExactly(10L, 100L, 1000L, 10_000L);
        assertThat(plan.postWarmupSteps()).containsExactly(20L, 200L, 2000L, 20_000L);
        // runs as long after the ramp as the unstable trial took to show its instability
        assertThat(WarmupAdvisor.propose(0.316, 100_000, 500, DEFAULTS).plan().orElseThrow().postWarmupSteps())
                .containsExactly(500L, 500L, 2000L, 20_000L);
    }

    @Test
    void theGridStopsAtTenPercentOfTheRun() {
        assertThat(WarmupAdvisor.propose(0.316, 400, DEFAULTS).plan().orElseThrow().warmupSteps())
                .containsExactly(10L, 40L);
        assertThat(WarmupAdvisor.propose(0.316, 50, DEFAULTS).plan().orElseThrow().warmupSteps()).containsExactly(5L);
        assertThat(WarmupAdvisor.propose(0.316, 5, DEFAULTS).findings().get(0).message()).contains("too short");
    }
}
