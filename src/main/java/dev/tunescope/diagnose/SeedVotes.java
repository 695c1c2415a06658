package dev.tunescope.diagnose;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A setting (a warmup length, a clipping threshold) run with several seeds holds only when it holds for every seed:
 * a rescue seen in two seeds of three is inside the spread between seeds, so it is no rescue (RULES.md: a
 * difference smaller than the noise is no difference). One seed is one vote, so a study without seeds is judged as
 * before.
 */
public final class SeedVotes {
    private SeedVotes() {
    }

    /** How many of a setting's trials hold. */
    public record Tally(int holding, int total) {
        public boolean unanimous() {
            return total > 0 && holding == total;
        }

        /** Some seeds hold and some do not. */
        public boolean split() {
            return holding > 0 && holding < total;
        }

        /** "2 of 3 seeds". */
        public String phrase() {
            return holding + " of " + total + " seeds";
        }
    }

    /** The tally of every setting, in the setting's natural order. */
    static <T, K extends Comparable<K>> Map<K, Tally> bySetting(List<T> trials, Function<T, K> setting,
                                                              Predicate<T> holds) {
        Map<K, Tally> out = new TreeMap<>();
        for (T trial : trials) {
            out.merge(setting.apply(trial), new Tally(holds.test(trial) ? 1 : 0, 1),
                    (a, b) -> new Tally(a.holding() + b.holding(), a.total() + b.total()));
        }
        return out;
    }
}
