package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * lr*: the learning rate of a sweep's best trial, and whether the sweep bracketed it (RULES.md §1, "Learning-rate
 * sweeps and lr*"; steps-per-run: "check that the best LR is not on the boundary").
 *
 * <p>A trial's score is its lowest finite eval loss at any logged step. When no trial logs an eval loss, the train
 * loss stands in, smoothed by a running median so that one lucky batch does not decide. Ties go to the smaller
 * learning rate (the safer choice), then to the run's path, so the answer never depends on the order of the
 * runs. Trials with no finite score are not ranked but still count for the searched range. A trial whose loss
 * went NaN/Inf is ranked by the finite scores it logged before, but is lr* only when every trial diverged: a
 * rate that diverges is not one to recommend, however good it looked before it did.
 */
public final class LrStarRule {
    public static final String RULE = "lr-star";

    /** @param trainLossSmoothing running-median window for train loss, used when there is no eval loss */
    public record Settings(int trainLossSmoothing) {
        public static final Settings DEFAULTS = new Settings(25);
    }

    /** Where lr* sits in the searched range. */
    public enum Boundary {
        INTERIOR, LOWEST, HIGHEST, SINGLE_LEARNING_RATE
    }

    public record RankedTrial(String run, double learningRate, double score, long step) {
    }

    /**
     * @param metric     "eval loss" or "train loss (smoothed)"
     * @param index      lr*'s position among the distinct learning rates tried, from 0
     * @param suggestion learning rates to try next when lr* is on the boundary
     */
    public record LrStar(double value, String run, String metric, double score, long step, Boundary boundary,
                         int index, int learningRatesTried, List<Double> suggestion, List<RankedTrial> ranking,
                         List<Finding> findings) {
    }

    private LrStarRule() {
    }

    public static Optional<LrStar> find(List<Trial> trials, Settings settings) {
        boolean byEval = trials.stream().anyMatch(t -> t.evalLoss().isPresent());
        List<RankedTrial> ranking = new ArrayList<>();
        for (Trial trial : trials) {
            score(trial, byEval, settings).ifPresent(ranking::add);
        }
        if (ranking.isEmpty()) {
            return Optional.empty();
        }
        ranking.sort(Comparator.comparingDouble(RankedTrial::score).thenComparingDouble(RankedTrial::learningRate)
                .thenComparing(RankedTrial::run));
        java.util.Set<String> diverged = trials.stream().filter(LrStarRule::diverged).map(Trial::run)
                .collect(java.util.stream.Collectors.toSet());
        RankedTrial best = ranking.stream().filter(r -> !diverged.contains(r.run())).findFirst()
                .orElse(ranking.get(0));
        double[] grid = trials.stream().mapToDouble(Trial::learningRate).distinct().sorted().toArray();
        int index = java.util.Arrays.binarySearch(grid, best.learningRate());
        Boundary boundary = grid.length == 1 ? Boundary.SINGLE_LEARNING_RATE
                : index == 0 ? Boundary.LOWEST : index == grid.length - 1 ? Boundary.HIGHEST : Boundary.INTERIOR;
        List<Double> suggestion = suggest(grid, boundary);
        String metric = byEval ? "eval loss" : "train loss (smoothed)";
        String tag = byEval ? "eval loss" : "train loss";
        return Optional.of(new LrStar(best.learningRate(), best.run(), metric, best.score(), best.step(), boundary,
                index, grid.length, suggestion, List.copyOf(ranking),
                findings(best, boundary, grid, suggestion, metric, tag)));
    }

    private static boolean diverged(Trial trial) {
        return trial.trainLoss().stats().nonFinite() > 0
                || trial.evalLoss().map(e -> e.stats().nonFinite() > 0).orElse(false);
    }

    private static Optional<RankedTrial> score(Trial trial, boolean byEval, Settings settings) {
        if (byEval && trial.evalLoss().isEmpty()) {
            return Optional.empty();
        }
        var series = byEval ? trial.evalLoss().get() : trial.trainLoss();
        double[] values = byEval ? series.valuesCopy()
                : RunningMedian.trailing(series.valuesCopy(), settings.trainLossSmoothing());
        int bestIndex = -1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && (bestIndex < 0 || values[i] < values[bestIndex])) {
                bestIndex = i;
            }
        }
        if (bestIndex < 0) {
            return Optional.empty();
        }
        return Optional.of(new RankedTrial(trial.run(), trial.learningRate(), values[bestIndex],
                series.step(bestIndex)));
    }

    /** Two more points beyond the edge, continuing the sweep's own spacing (a factor of 10 for a single LR). */
    private static List<Double> suggest(double[] grid, Boundary boundary) {
        return switch (boundary) {
            case INTERIOR -> List.of();
            case LOWEST -> {
                double ratio = grid[1] / grid[0];
                yield List.of(grid[0] / ratio, grid[0] / (ratio * ratio));
            }
            case HIGHEST -> {
                int n = grid.length;
                double ratio = grid[n - 1] / grid[n - 2];
                yield List.of(grid[n - 1] * ratio, grid[n - 1] * ratio * ratio);
            }
            case SINGLE_LEARNING_RATE -> List.of(grid[0] / 10, grid[0] * 10);
        };
    }

    private static List<Finding> findings(RankedTrial best, Boundary boundary, double[] grid, List<Double> suggestion,
                                          String metric, String tag) {
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("lr_star", best.learningRate());
        numbers.put("best_" + metric.replace(' ', '_').replace("(", "").replace(")", ""), best.score());
        numbers.put("best_step", (double) best.step());
        numbers.put("lowest_lr_tried", grid[0]);
        numbers.put("highest_lr_tried", grid[grid.length - 1]);
        Evidence evidence = new Evidence(List.of(best.run()),
                List.of(Mark.point(best.run(), tag, best.step(), best.score())), numbers);
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(RULE, Severity.INFO, "lr* = " + Text.number(best.learningRate()) + ": the lowest "
                + metric + " (" + Text.number(best.score()) + " at step " + best.step() + ") among "
                + grid.length + " learning rates from " + Text.number(grid[0]) + " to "
                + Text.number(grid[grid.length - 1]) + ".", evidence));
        String tryNext = suggestion.stream().map(Text::number).reduce((a, b) -> a + " and " + b).orElse("");
        switch (boundary) {
            case LOWEST -> findings.add(new Finding(RULE, Severity.ADVICE, "lr* is the smallest learning rate tried, so"
                    + " the sweep is inconclusive: extend it downward (try " + tryNext + ").", evidence));
            case HIGHEST -> findings.add(new Finding(RULE, Severity.ADVICE, "lr* is the largest learning rate tried, so"
                    + " the sweep is inconclusive: extend it upward (try " + tryNext + ").", evidence));
            case SINGLE_LEARNING_RATE -> findings.add(new Finding(RULE, Severity.ADVICE, "Only one learning rate was"
                    + " tried, so this is not a sweep: try " + tryNext + " too.", evidence));
            case INTERIOR -> { }
        }
        return findings;
    }
}
