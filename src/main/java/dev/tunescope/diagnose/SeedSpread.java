package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A sweep run with several seeds per learning rate (RULES.md: a difference smaller than the noise is no
 * difference): lr*'s rate against the next best rate, their scores per seed compared by the same test as a
 * verification run ({@link VerificationVerdict}). Says whether lr* is better beyond the spread between seeds, or
 * within it, in which case the two rates are no different and the choice between them is the noise's.
 */
final class SeedSpread {
    private SeedSpread() {
    }

    /** Empty unless lr*'s rate and another were each run with two or more seeds. */
    static Optional<Finding> of(LrStarRule.LrStar star) {
        List<List<LrStarRule.RankedTrial>> byRate = new ArrayList<>();
        for (LrStarRule.RankedTrial t : star.ranking()) {
            if (!Double.isFinite(t.score())) {
                continue;
            }
            byRate.stream().filter(g -> LearningRates.same(g.get(0).learningRate(), t.learningRate())).findFirst()
                    .ifPresentOrElse(g -> g.add(t), () -> byRate.add(new ArrayList<>(List.of(t))));
        }
        List<List<LrStarRule.RankedTrial>> seeded = byRate.stream().filter(g -> g.size() >= 2)
                .sorted(Comparator.comparingDouble(SeedSpread::mean)).toList();
        if (seeded.size() < 2 || !LearningRates.same(seeded.get(0).get(0).learningRate(), star.value())) {
            return Optional.empty();
        }
        List<LrStarRule.RankedTrial> best = seeded.get(0);
        List<LrStarRule.RankedTrial> next = seeded.get(1);
        VerificationVerdict test = VerificationVerdict.judge(scores(best), scores(next), OptionalDouble.empty());
        String head = "lr* " + Text.number(star.value()) + " over " + best.size() + " seeds: " + star.metric() + " "
                + arm(test.recommended()) + "; the next rate, " + Text.number(next.get(0).learningRate()) + ", "
                + arm(test.constant()) + " over " + next.size() + " seeds: ";
        String verdict = test.outcome() == VerificationVerdict.Outcome.BETTER
                ? "lr* is lower by " + Text.number(test.difference()) + ", beyond the spread between seeds (which"
                + " allows " + Text.number(test.margin()) + ")."
                : "no difference: " + Text.number(test.difference()) + " is within the spread between seeds (which"
                + " allows " + Text.number(test.margin()) + "), so either rate is lr* as far as these runs can tell.";
        List<String> runs = new ArrayList<>();
        best.forEach(t -> runs.add(t.run()));
        next.forEach(t -> runs.add(t.run()));
        return Optional.of(new Finding(LrStarRule.RULE, Severity.INFO, head + verdict, new Evidence(runs, List.of(),
                Map.of("difference", test.difference(), "margin", test.margin()))));
    }

    private static double mean(List<LrStarRule.RankedTrial> group) {
        return group.stream().mapToDouble(LrStarRule.RankedTrial::score).average().orElse(Double.NaN);
    }

    private static List<Double> scores(List<LrStarRule.RankedTrial> group) {
        return group.stream().map(LrStarRule.RankedTrial::score).toList();
    }

    private static String arm(VerificationVerdict.Arm arm) {
        return Text.number(arm.mean()) + " ± " + Text.number(arm.std());
    }
}
