package dev.tunescope.run;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One training run as read from disk: its scalar and histogram series by tag, its hyperparameters, and the
 * warnings the reader raised. A snapshot: a run still being written yields a new {@code Run} on each refresh.
 *
 * @param path     where the run lives, relative to the folder the user opened ("." for the folder itself)
 * @param name     a short display name (the run's own name where the format records one)
 * @param warnings problems met while reading; the data around them is still here
 */
public record Run(String path, String name, RunFormat format, RunStatus status, Hyperparameters hyperparameters,
                  Map<String, ScalarSeries> scalars, Map<String, HistogramSeries> histograms,
                  List<ReadWarning> warnings) {

    public Run {
        scalars = Collections.unmodifiableMap(new TreeMap<>(scalars));
        histograms = Collections.unmodifiableMap(new TreeMap<>(histograms));
        warnings = List.copyOf(warnings);
    }

    public Optional<ScalarSeries> scalar(String tag) {
        return Optional.ofNullable(scalars.get(tag));
    }

    /** The series that plays {@code role} in this run, found through {@code aliases}. */
    public Optional<ScalarSeries> scalar(MetricRole role, MetricAliases aliases) {
        return aliases.find(role, scalars.keySet()).map(scalars::get);
    }
}
