package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class StepsAdvisorTest {
    private static final StepsAdvisor.Settings DEFAULTS = StepsAdvisor.Settings.DEFAULTS;
    /** No smoothing, so that the training-loss floor can be checked by eye. */
    private static final StepsAdvisor.Settings UNSMOOTHED = new StepsAdvisor.Settings(0.10, 0.25, 0.05, 1);

    /** Eval loss at steps 0..100 whose lowest value, 1, lies at {@code best}. */
    private static ScalarSeries evalWithBestAt(long best) {
        long[] steps = LongStream.rangeClosed(0, 100).toArray();
        double[] values = LongStream.rangeClosed(0, 100).mapToDouble(s -> 1 + Math.abs(s - best)).toArray();
        return ScalarSeries.of("eval/loss", steps, values);
    }

    /** Values at steps 1, 2, 3, ... */
    private static ScalarSeries series(String tag, double... values) {
        return ScalarSeries.of(tag, LongStream.rangeClosed(1, values.length).toArray(), values);
    }

    private static Trial trial(String run, ScalarSeries train, ScalarSeries eval) {
        return Trial.of(run, 0.1, train, Optional.ofNullable(eval), Optional.empty());
    }

    private static Trial trainOnly(String run, double... trainLoss) {
        return trial(run, series("train/loss", trainLoss), null);
    }

    private static BestStep judge(long best) {
        StepsAdvice advice = StepsAdvisor.advise(List.of(trial("r", series("train/loss", 1, 1), evalWithBestAt(best))),
                DEFAULTS);
        return advice.runs().get(0);
    }

    @Test
    void theFirstTenPercentIsTooManyStepsBoundaryIncluded() {
        assertThat(judge(10)).isEqualTo(new BestStep("r", 10, 1, 0, 100, 0.1, BestStep.Verdict.TOO_MANY_STEPS));
        assertThat(judge(0).verdict()).isEqualTo(BestStep.Verdict.TOO_MANY_STEPS);
        assertThat(judge(11).verdict()).isEqualTo(BestStep.Verdict.FINE);
    }

    @Test
    void theLastQuarterIsTrainLongerBoundaryIncluded() {
        assertThat(judge(75)).isEqualTo(new BestStep("r", 75, 1, 0, 100, 0.75, BestStep.Verdict.TRAIN_LONGER));
        assertThat(judge(100).verdict()).isEqualTo(BestStep.Verdict.TRAIN_LONGER);
        assertThat(judge(74).verdict()).isEqualTo(BestStep.Verdict.FINE);
        assertThat(judge(50).position()).isEqualTo(0.5);
    }

    @Test
    void findingsPerVerdictMarkTheBestSteps() {
        StepsAdvice advice = StepsAdvisor.advise(List.of(
                trial("early", series("train/loss", 1, 1), evalWithBestAt(5)),
                trial("late", series("train/loss", 1, 1), evalWithBestAt(90)),
                trial("middle", series("train/loss", 1, 1), evalWithBestAt(50))), DEFAULTS);
        Finding tooMany = advice.findings().get(0);
        assertThat(tooMany.severity()).isEqualTo(Severity.ADVICE);
        assertThat(tooMany.message()).isEqualTo("The best step comes in the first 10% of training in 1 of 3 runs "
                + "(early): max_train_steps is too large.");
        assertThat(tooMany.evidence().marks()).containsExactly(Mark.point("early", "eval/loss", 5, 1));
        Finding longer = advice.findings().get(1);
        assertThat(longer.severity()).isEqualTo(Severity.ADVICE);
        assertThat(longer.message()).isEqualTo("The best step comes in the last 25% of training in 1 of 3 runs "
                + "(late): training longer (and retuning the decay) should help.");
        assertThat(longer.evidence().marks()).containsExactly(Mark.point("late", "eval/loss", 90, 1));
        Finding fine = advice.findings().get(2);
        assertThat(fine.severity()).isEqualTo(Severity.INFO);
        assertThat(fine.evidence().runs()).containsExactly("middle");
    }

    @Test
    void everyRunEarlySaysSo() {
        StepsAdvice advice = StepsAdvisor.advise(List.of(
                trial("a", series("train/loss", 1, 1), evalWithBestAt(3)),
                trial("b", series("train/loss", 1, 1), evalWithBestAt(8))), DEFAULTS);
        assertThat(advice.findings().get(0).message()).contains("in every run (a, b): max_train_steps is too large");
    }

    @Test
    void withoutEvalLossTheTrainLossIsJudged() {
        StepsAdvice advice = StepsAdvisor.advise(List.of(trainOnly("t", 5, 4, 3, 2, 1)), DEFAULTS);
        assertThat(advice.runs()).containsExactly(new BestStep("t", 5, 1, 1, 5, 1.0, BestStep.Verdict.TRAIN_LONGER));
        assertThat(advice.findings().get(0).evidence().marks()).containsExactly(Mark.point("t", "train/loss", 5, 1));
    }

    @Test
    void anEvalSeriesWithoutFiniteValuesFallsBackToTrainLoss() {
        Trial t = trial("t", series("train/loss", 1, 2, 3, 4, 5), series("eval/loss", Double.NaN, Double.NaN));
        assertThat(StepsAdvisor.advise(List.of(t), DEFAULTS).runs().get(0).bestStep()).isEqualTo(1);
    }

    @Test
    void nonFiniteValuesAreNeverTheBestAndTiesGoToTheEarliestStep() {
        Trial t = trial("t", series("train/loss", 1, 1), series("eval/loss", 3, Double.NEGATIVE_INFINITY, 1, 1,
                Double.NaN, 2));
        BestStep best = StepsAdvisor.advise(List.of(t), DEFAULTS).runs().get(0);
        assertThat(best.bestStep()).isEqualTo(3);
        assertThat(best.position()).isEqualTo(0.4); // (3 - 1) / (6 - 1)
    }

    @Test
    void onePointCountsAsFineAndSaysWhy() {
        StepsAdvice advice = StepsAdvisor.advise(List.of(trainOnly("solo", 0.7)), DEFAULTS);
        assertThat(advice.runs()).containsExactly(new BestStep("solo", 1, 0.7, 1, 1, 1.0, BestStep.Verdict.FINE));
        assertThat(advice.findings().get(0).message()).isEqualTo("Run length: one logged point in solo: a best step"
                + " cannot be placed within the run, so its length counts as fine.");
    }

    @Test
    void aTrialWithoutFiniteLossIsLeftOutAndNamed() {
        StepsAdvice advice = StepsAdvisor.advise(List.of(trainOnly("nan", Double.NaN, Double.NaN),
                trainOnly("ok", 3, 2, 1)), DEFAULTS);
        assertThat(advice.runs()).extracting(BestStep::run).containsExactly("ok");
        assertThat(advice.findings().get(0).message()).isEqualTo("nan logged no finite loss and was left out.");
        assertThat(advice.candidateRun()).contains("ok");
    }

    @Test
    void noTrialsGiveNoAnswer() {
        StepsAdvice advice = StepsAdvisor.advise(List.of(), DEFAULTS);
        assertThat(advice.runs()).isEmpty();
        assertThat(advice.maxTrainStepsCandidate()).isEmpty();
        assertThat(advice.candidateRun()).isEmpty();
        assertThat(advice.findings()).extracting(Finding::severity).containsExactly(Severity.INFO);
    }

    @Test
    void candidateIsTheFirstStepOfTheFastestTrialThatReachesTheFloor() {
        StepsAdvice advice = StepsAdvisor.advise(List.of(
                trainOnly("slow", 10, 8, 6, 4, 2, 1, 1, 1, 1, 1),   // reaches 1.05 at step 6
                trainOnly("fast", 10, 5, 2, 1, 1, 1, 1, 1, 1, 1),   // at step 4
                trainOnly("never", 10, 9, 8, 7, 6, 5, 5, 5, 5, 5),  // floor 5: does not fit
                trainOnly("falling", 10, 9, 8, 7, 6, 5, 4, 3, 2, 1)), // at the floor at its end, but still falling
                UNSMOOTHED);
        assertThat(advice.maxTrainStepsCandidate()).hasValue(4);
        assertThat(advice.candidateRun()).contains("fast");
        Finding info = advice.findings().get(advice.findings().size() - 1);
        assertThat(info.severity()).isEqualTo(Severity.INFO);
        assertThat(info.message()).startsWith("Initial max_train_steps candidate: 4 steps, where fast (the fastest "
                + "of 2 trials that fit the training set: its training loss stopped falling) first brings its smoothed"
                + " training loss to 1.05, within 5% of the sweep's floor 1.");
        assertThat(info.evidence().marks()).containsExactly(Mark.point("fast", "train/loss", 4, 1),
                Mark.point("slow", "train/loss", 6, 1));
        assertThat(info.evidence().numbers()).containsEntry("floor", 1.0).containsEntry("bound", 1.05)
                .containsEntry("fitting_trials", 2.0).containsEntry("trials", 4.0);
    }

    @Test
    void theToleranceBoundaryIsIncluded() {
        StepsAdvice advice = StepsAdvisor.advise(List.of(
                trainOnly("edge", 3, 1.05),
                trainOnly("floor", 3, 2, 1),
                trainOnly("over", 3, 1.06)), UNSMOOTHED);
        assertThat(advice.maxTrainStepsCandidate()).hasValue(2);
        assertThat(advice.candidateRun()).contains("edge");
        assertThat(advice.findings().get(advice.findings().size() - 1).evidence().runs())
                .containsExactly("edge", "floor");
    }

    @Test
    void smoothingKeepsOneLuckyBatchFromSettingTheFloor() {
        List<Trial> trials = List.of(
                trainOnly("lucky", 10, 0.5, 3, 3, 3, 3, 3, 3),
                trainOnly("steady", 10, 5, 2, 1, 1, 1, 1, 1));
        assertThat(StepsAdvisor.advise(trials, UNSMOOTHED).candidateRun()).contains("lucky"); // the spike wins
        StepsAdvice smoothed = StepsAdvisor.advise(trials, new StepsAdvisor.Settings(0.1, 0.25, 0.05, 3));
        // steady's medians of 3: 10, 7.5, 5, 2, 1 (step 5); lucky's never drop below 3
        assertThat(smoothed.candidateRun()).contains("steady");
        assertThat(smoothed.maxTrainStepsCandidate()).hasValue(5);
    }

    @Test
    void aFloorAtOrBelowZeroUsesAnAdditiveMargin() {
        // floor 0; highest first value 4: bound = 0 + 0.05 * 4 = 0.2
        StepsAdvice zero = StepsAdvisor.advise(List.of(trainOnly("a", 4, 2, 1, 0), trainOnly("b", 4, 0.1)),
                UNSMOOTHED);
        assertThat(zero.maxTrainStepsCandidate()).hasValue(2);
        assertThat(zero.candidateRun()).contains("b");
        // floor -5; highest first value -1: bound = -5 + 0.05 * 4 = -4.8
        StepsAdvice negative = StepsAdvisor.advise(List.of(trainOnly("a", -1, -3, -5), trainOnly("b", -1, -4.9),
                trainOnly("c", -1, -4.7)), UNSMOOTHED);
        assertThat(negative.candidateRun()).contains("b");
        assertThat(negative.findings().get(negative.findings().size() - 1).evidence().runs())
                .containsExactly("b", "a");
    }

    @Test
    void equalFitStepsGoToTheFirstTrialGiven() {
        StepsAdvice advice = StepsAdvisor.advise(List.of(trainOnly("first", 2, 1), trainOnly("second", 2, 1)),
                UNSMOOTHED);
        assertThat(advice.candidateRun()).contains("first");
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new StepsAdvisor.Settings(-0.1, 0.25, 0.05, 25))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepsAdvisor.Settings(0.1, 1.25, 0.05, 25))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepsAdvisor.Settings(0.1, 0.25, Double.NaN, 25))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StepsAdvisor.Settings(0.1, 0.25, 0.05, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void everyMarkNamesARunThatWasPassedInAndPositionsLieInZeroToOne(
            @ForAll @Size(min = 0, max = 6) List<@Size(max = 30) List<Double>> losses,
            @ForAll @IntRange(min = 1, max = 9) int window) {
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < losses.size(); i++) {
            double[] values = losses.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            trials.add(trainOnly("run-" + i, values));
        }
        List<String> names = trials.stream().map(Trial::run).toList();
        StepsAdvice advice = StepsAdvisor.advise(trials, new StepsAdvisor.Settings(0.1, 0.25, 0.05, window));
        assertThat(advice.findings()).flatMap(f -> f.evidence().marks()).extracting(Mark::run)
                .allSatisfy(run -> assertThat(names).contains(run));
        assertThat(advice.runs()).allSatisfy(b -> assertThat(b.position()).isBetween(0.0, 1.0));
        advice.candidateRun().ifPresent(run -> assertThat(names).contains(run));
    }
}
