package dev.tunescope.workspace;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One folder can hold the same run in several formats (Lightning writes {@code metrics.csv} and an event file side
 * by side; a script may log JSON lines and TensorBoard at once). Such copies are one trial, not several: the copy
 * with the most points is read, completed by the hyperparameters, histograms and tags only the others have.
 */
final class RunCopies {
    /** Between copies with equally many points, the format that keeps most (float64 values, run.json) wins. */
    private static final List<RunFormat> PREFERENCE = List.of(RunFormat.TUNESCOPE, RunFormat.MLFLOW,
            RunFormat.TENSORBOARD, RunFormat.LIGHTNING_CSV, RunFormat.KERAS_CSV);

    /** One run, and a sentence saying which copies it was made of (empty when there was one). */
    record Merged(Run run, String note) {
    }

    private RunCopies() {
    }

    /** The runs with copies at one path merged, in the order of first appearance. */
    static List<Merged> merge(List<Run> runs) {
        Map<String, List<Run>> byPath = new LinkedHashMap<>();
        runs.forEach(run -> byPath.computeIfAbsent(run.path(), p -> new ArrayList<>()).add(run));
        List<Merged> merged = new ArrayList<>();
        byPath.values().forEach(copies -> merged.add(copies.size() == 1 ? new Merged(copies.get(0), "")
                : mergeCopies(copies)));
        return merged;
    }

    private static Merged mergeCopies(List<Run> copies) {
        List<Run> ordered = copies.stream().sorted(Comparator.comparingLong(RunCopies::points).reversed()
                .thenComparingInt(r -> PREFERENCE.indexOf(r.format()))).toList();
        Run primary = ordered.get(0);
        Hyperparameters hparams = primary.hyperparameters();
        Map<String, ScalarSeries> scalars = new TreeMap<>(primary.scalars());
        Set<String> names = scalars.keySet().stream().map(RunCopies::folded).collect(Collectors.toSet());
        var histograms = new TreeMap<>(primary.histograms());
        List<ReadWarning> warnings = new ArrayList<>(primary.warnings());
        for (Run other : ordered.subList(1, ordered.size())) {
            hparams = hparams.withFallback(other.hyperparameters());
            other.scalars().forEach((tag, series) -> {
                if (names.add(folded(tag))) {
                    scalars.put(tag, series);
                }
            });
            other.histograms().forEach(histograms::putIfAbsent);
            warnings.addAll(other.warnings());
        }
        Run run = new Run(primary.path(), primary.name(), primary.format(), primary.status(), hparams, scalars,
                histograms, warnings);
        String formats = ordered.stream().map(r -> r.format().id()).collect(Collectors.joining(", "));
        return new Merged(run, primary.path() + " holds one run in " + ordered.size() + " formats (" + formats
                + "): read as one trial, its series from " + primary.format().id() + ".");
    }

    private static long points(Run run) {
        return run.scalars().values().stream().mapToLong(ScalarSeries::size).sum();
    }

    /** Tags that differ only in case and separators ({@code train/loss}, {@code train_loss}) are one metric. */
    private static String folded(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT).replaceAll("[/\\-. ]+", "_");
    }
}
