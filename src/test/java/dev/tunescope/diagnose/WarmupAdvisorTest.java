package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupAdvisorTest {
    private static final WarmupAdvisor.Settings DEFAULTS = WarmupAdvisor.Settings.DEFAULTS;

    private static TrialStability stable(String run, long warmup) {
        return new TrialStability(run, 3.0, warmup, List.of());
    }

    private static TrialStability unstable(String run, long warmup, long step) {
        return new TrialStability(run, 3.0, warmup, List.of(new InstabilitySign(InstabilityKind.DIVERGENCE, step,
                Double.NaN, "train loss")));
    }

    @Test
    void theShortestStableWarmupIsRecommendedAndAddsToTheSchedule() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(unstable("w0", 0, 50),
                stable("w1000", 1000), unstable("w10", 10, 80), stable("w100", 100)), 10_000, DEFAULTS);
        assertThat(advice.verdict().orElseThrow().recommendedWarmup()).hasValue(100);
        assertThat(advice.scheduleSteps()).hasValue(10_100);
        assertThat(advice.findings()).singleElement().satisfies(f -> assertThat(f.message()).isEqualTo(
                "A warmup of 100 steps makes lr 3 stable: the shortest stable warmup of 4 tried. Added to a"
                        + " 10000-step schedule it makes 10100 steps."));
    }

    @Test
    void aWarmupOverFivePercentOfTheRunAsksForMoreSteps() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(stable("w1000", 1000)), 10_000, DEFAULTS);
        assertThat(advice.findings()).anySatisfy(f -> assertThat(f.message()).isEqualTo("The warmup is 10% of"
                + " max_train_steps (over 5%): increase max_train_steps, to at least 20000."));
    }

    @Test
    void warmupThatOnlyDelaysDivergenceDidNotRescue() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.fromStudy(List.of(unstable("w40", 40, 44),
                unstable("w120", 120, 104)), 400, DEFAULTS);
        assertThat(advice.verdict().orElseThrow().rescued()).isFalse();
        assertThat(advice.scheduleSteps()).isEmpty();
        assertThat(advice.findings()).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).startsWith("Warmup did not rescue lr 3: no warmup tried (40, 120 steps)")
                    .contains("first unstable steps 44, 104");
            assertThat(f.evidence().marks()).extracting(Mark::fromStep).containsExactly(44L, 104L);
        });
    }

    @Test
    void theProposedStudyFollowsThePlaybook() {
        WarmupAdvisor.WarmupAdvice advice = WarmupAdvisor.propose(0.316, 100_000, DEFAULTS);
        WarmupAdvisor.StudyPlan plan = advice.plan().orElseThrow();
        assertThat(plan.baseLr()).isEqualTo(3.16);
        assertThat(plan.warmupSteps()).containsExactly(10L, 100L, 1000L, 10_000L);
        assertThat(plan.postWarmupSteps()).containsExactly(20L, 200L, 2000L, 20_000L);
    }

    @Test
    void theGridStopsAtTenPercentOfTheRun() {
        assertThat(WarmupAdvisor.propose(0.316, 400, DEFAULTS).plan().orElseThrow().warmupSteps())
                .containsExactly(10L, 40L);
        assertThat(WarmupAdvisor.propose(0.316, 50, DEFAULTS).plan().orElseThrow().warmupSteps()).containsExactly(5L);
        assertThat(WarmupAdvisor.propose(0.316, 5, DEFAULTS).findings().get(0).message()).contains("too short");
    }
}
