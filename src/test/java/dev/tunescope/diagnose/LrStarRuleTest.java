package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.Synthetic.series;
import static dev.tunescope.diagnose.Synthetic.trainOnly;
import static dev.tunescope.diagnose.Synthetic.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.diagnose.LrStarRule.Boundary;
import dev.tunescope.diagnose.LrStarRule.LrStar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LrStarRuleTest {

    private static Trial evalTrial(String run, double lr, double... eval) {
        return Trial.of(run, lr, series("train/loss", eval), Optional.of(series("eval/loss", eval)),
                Optional.empty());
    }

    private static LrStar find(Trial... trials) {
        return LrStarRule.find(List.of(trials), LrStarRule.Settings.DEFAULTS).orElseThrow();
    }

    @Test
    void theLowestEvalLossAtAnyStepWinsAndAnInteriorLrIsConclusive() {
        LrStar star = find(evalTrial("a", 0.01, 0.9, 0.5, 0.4), evalTrial("b", 0.1, 0.8, 0.2, 0.3),
                evalTrial("c", 1, 0.7, Double.NaN, Double.NaN));
        assertThat(star.value()).isEqualTo(0.1);
        assertThat(star.run()).isEqualTo("b");
        assertThat(star.score()).isEqualTo(0.2);
        assertThat(star.step()).isEqualTo(2);
        assertThat(star.boundary()).isEqualTo(Boundary.INTERIOR);
        assertThat(star.suggestion()).isEmpty();
        assertThat(star.ranking()).extracting(LrStarRule.RankedTrial::run).containsExactly("b", "a", "c");
        assertThat(star.findings()).singleElement().satisfies(f -> assertThat(f.message())
                .isEqualTo("lr* = 0.1: the lowest eval loss (0.2 at step 2) among 3 learning rates from 0.01 to 1."));
    }

    @Test
    void atTheLowEdgeTheSweepMustBeExtendedDownward() {
        LrStar star = find(evalTrial("a", 0.001, 0.1), evalTrial("b", 0.01, 0.3), evalTrial("c", 0.1, 0.5));
        assertThat(star.boundary()).isEqualTo(Boundary.LOWEST);
        assertThat(star.suggestion()).hasSize(2);
        assertThat(star.suggestion().get(0)).isCloseTo(1e-4, within(1e-12));
        assertThat(star.suggestion().get(1)).isCloseTo(1e-5, within(1e-12));
        assertThat(star.findings()).anySatisfy(f -> assertThat(f.message()).contains("extend it downward"));
    }

    @Test
    void atTheHighEdgeTheSweepMustBeExtendedUpward() {
        LrStar star = find(evalTrial("a", 0.001, 0.5), evalTrial("b", 0.01, 0.3), evalTrial("c", 0.1, 0.1));
        assertThat(star.boundary()).isEqualTo(Boundary.HIGHEST);
        assertThat(star.suggestion().get(0)).isCloseTo(1, within(1e-12));
        assertThat(star.findings()).anySatisfy(f -> assertThat(f.message()).contains("extend it upward (try 1 and 10)"));
    }

    @Test
    void aSingleRunIsNotASweep() {
        LrStar star = find(evalTrial("only", 0.003, 0.4));
        assertThat(star.boundary()).isEqualTo(Boundary.SINGLE_LEARNING_RATE);
        assertThat(star.findings()).anySatisfy(f -> assertThat(f.message()).contains("not a sweep"));
    }

    @Test
    void aTrialThatDivergedIsNotLrStarEvenIfItLookedBestBefore() {
        LrStar star = find(evalTrial("a", 0.01, 0.5, 0.3), evalTrial("b", 0.1, 0.1, Double.NaN));
        assertThat(star.run()).isEqualTo("a");
        assertThat(star.ranking()).extracting(LrStarRule.RankedTrial::run).containsExactly("b", "a");
        assertThat(find(evalTrial("b", 0.1, 0.1, Double.NaN)).run()).isEqualTo("b"); // when all diverged
    }

    @Test
    void tiesGoToTheSmallerLearningRate() {
        assertThat(find(evalTrial("b", 0.1, 0.2), evalTrial("a", 0.01, 0.2), evalTrial("c", 1, 0.9)).value())
                .isEqualTo(0.01);
    }

    @Test
    void withoutEvalLossTheSmoothedTrainLossDecides() {
        // "b" has one lucky batch at 0.01, but its level is 0.5; "a" settles at 0.3
        double[] lucky = new double[60];
        java.util.Arrays.fill(lucky, 0.5);
        lucky[30] = 0.01;
        LrStar star = LrStarRule.find(List.of(trainOnly("a", 0.01, series("loss", 60, s -> 0.3)),
                trainOnly("b", 0.1, series("loss", lucky))), LrStarRule.Settings.DEFAULTS).orElseThrow();
        assertThat(star.run()).isEqualTo("a");
        assertThat(star.metric()).isEqualTo("train loss (smoothed)");
    }

    @Test
    void nothingFiniteMeansNoLrStar() {
        assertThat(LrStarRule.find(List.of(evalTrial("a", 0.1, Double.NaN)), LrStarRule.Settings.DEFAULTS)).isEmpty();
        assertThat(LrStarRule.find(List.of(), LrStarRule.Settings.DEFAULTS)).isEmpty();
    }

    @Test
    void nanAtStepZeroCountsAsDivergedButItsFiniteScoresAreRanked() {
        LrStar star = find(evalTrial("a", 0.01, Double.NaN, 0.4), evalTrial("b", 0.1, 0.5, 0.6));
        assertThat(star.run()).isEqualTo("b");
        assertThat(star.ranking().get(0)).isEqualTo(new LrStarRule.RankedTrial("a", 0.01, 0.4, 2));
    }

    @Property(tries = 200)
    void addingAConstantOrReorderingRunsDoesNotChangeLrStar(@ForAll @IntRange(min = 2, max = 8) int n,
                                                            @ForAll @DoubleRange(min = -5, max = 5) double shift,
                                                            @ForAll long seed) {
        List<Trial> trials = new ArrayList<>();
        List<Trial> shifted = new ArrayList<>();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            double lr = Math.pow(10, -4 + i * 0.5);
            var train = Synthetic.decaying(100, 1 + random.nextDouble(), 0.1 + random.nextDouble(), 0.05, 0.02,
                    random.nextLong());
            trials.add(trial("run" + i, lr, train));
            shifted.add(trial("run" + i, lr, series("train/loss", 100, s -> train.value(s - 1) + shift)));
        }
        LrStar original = LrStarRule.find(trials, LrStarRule.Settings.DEFAULTS).orElseThrow();
        Collections.shuffle(shifted, random);
        LrStar moved = LrStarRule.find(shifted, LrStarRule.Settings.DEFAULTS).orElseThrow();
        assertThat(moved.value()).isEqualTo(original.value());
        assertThat(moved.run()).isEqualTo(original.run());
        assertThat(moved.findings()).allSatisfy(f -> assertThat(f.evidence().runs())
                .allMatch(run -> trials.stream().anyMatch(t -> t.run().equals(run))));
    }
}
