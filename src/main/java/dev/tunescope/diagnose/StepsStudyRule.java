package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * A run-length study (RULES.md §4, round 2: few long runs at the best point): runs at one learning rate for several
 * lengths. Each length's best loss (eval, else train) is compared with the best of all, against the loss's own
 * step-to-step noise: the length to use is the shortest whose best lies within twice that noise of the best, since
 * longer runs past it buy nothing measurable.
 */
public final class StepsStudyRule {
    public static final String RULE = "steps";

    /** One length tried: its run, how many steps it ran, and its best loss. */
    public record Length(String run, long steps, double best) {
    }

    /** The lengths tried, shortest first, the noise the bests were compared with, and the length to use. */
    public record Verdict(List<Length> lengths, double noise, OptionalLong recommended, List<Finding> findings) {
        public Verdict {
            lengths = List.copyOf(lengths);
            findings = List.copyOf(findings);
        }
    }

    private StepsStudyRule() {
    }

    public static Verdict assess(List<Trial> stable) {
        List<Length> lengths = new ArrayList<>();
        double noise = 0;
        for (Trial trial : stable) {
            ScalarSeries judged = StepsAdvisor.judged(trial);
            double best = java.util.Arrays.stream(judged.valuesCopy()).filter(Double::isFinite).min()
                    .orElse(Double.NaN);
            if (Double.isFinite(best)) {
                lengths.add(new Length(trial.run(), trial.trainLoss().lastStep(), best));
                noise = Math.max(noise, StepsAdvisor.stepNoise(judged));
            }
        }
        lengths.sort(Comparator.comparingLong(Length::steps));
        if (lengths.size() < 2) {
            return new Verdict(lengths, noise, OptionalLong.empty(), List.of());
        }
        double overall = lengths.stream().mapToDouble(Length::best).min().orElseThrow();
        double margin = 2 * noise;
        Length chosen = lengths.stream().filter(l -> l.best() <= overall + margin).findFirst().orElseThrow();
        Length longest = lengths.get(lengths.size() - 1);
        String table = lengths.stream().map(l -> l.steps() + " steps: " + Text.number(l.best()))
                .collect(Collectors.joining(", "));
        String message = chosen == longest
                ? "Longer runs keep helping: the longest, " + longest.steps() + " steps, has the best loss beyond the"
                + " noise (" + table + "; noise " + Text.number(noise) + " per step); try longer still."
                : "Use " + chosen.steps() + " steps: its best loss is within twice the noise (" + Text.number(noise)
                + " per step) of the best of all lengths (" + table + "); longer runs buy nothing measurable.";
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("recommended_max_train_steps", (double) chosen.steps());
        numbers.put("noise", noise);
        List<Mark> marks = lengths.stream().map(l -> Mark.point(l.run(), "eval loss", l.steps(), l.best())).toList();
        Finding finding = new Finding(RULE, chosen == longest ? Severity.ADVICE : Severity.INFO, message,
                new Evidence(lengths.stream().map(Length::run).toList(), marks, numbers));
        return new Verdict(lengths, noise, OptionalLong.of(chosen.steps()), List.of(finding));
    }
}
