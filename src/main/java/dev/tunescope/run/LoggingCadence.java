package dev.tunescope.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How often runs evaluated and logged histograms: the eval interval they record (eval_every and its aliases), else
 * the most common gap between their logged eval-loss points; the most common gap between histograms, 0 when they
 * logged none. A run that says nothing leaves the field empty.
 */
public record LoggingCadence(OptionalInt evalEvery, OptionalInt histogramEvery) {

    public static LoggingCadence of(List<Run> runs, MetricAliases aliases) {
        OptionalInt evalEvery = runs.stream().map(r -> HyperparameterNames.number(r.hyperparameters(),
                        HyperparameterNames.EVAL_EVERY)).flatMap(Optional::stream).findFirst()
                .map(e -> OptionalInt.of((int) Math.round(e)))
                .orElseGet(() -> spacing(runs.stream().map(r -> r.scalar(MetricRole.EVAL_LOSS, aliases))
                        .flatMap(Optional::stream).map(LoggingCadence::steps).toList()));
        OptionalInt histogramEvery = runs.isEmpty() ? OptionalInt.empty()
                : runs.stream().allMatch(r -> r.histograms().isEmpty()) ? OptionalInt.of(0)
                : spacing(runs.stream().flatMap(r -> r.histograms().values().stream().limit(1))
                        .map(h -> h.points().stream().mapToLong(HistogramSeries.Point::step).toArray()).toList());
        return new LoggingCadence(evalEvery, histogramEvery);
    }

    private static long[] steps(ScalarSeries series) {
        long[] steps = new long[series.size()];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = series.step(i);
        }
        return steps;
    }

    /** The most common gap between consecutive logged steps, over all series; empty with fewer than two points. */
    private static OptionalInt spacing(List<long[]> stepLists) {
        Map<Long, Integer> gaps = new HashMap<>();
        for (long[] steps : stepLists) {
            for (int i = 1; i < steps.length; i++) {
                gaps.merge(steps[i] - steps[i - 1], 1, Integer::sum);
            }
        }
        return gaps.entrySet().stream().filter(e -> e.getKey() > 0 && e.getKey() <= Integer.MAX_VALUE)
                .max(Map.Entry.<Long, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> OptionalInt.of(e.getKey().intValue())).orElse(OptionalInt.empty());
    }
}
