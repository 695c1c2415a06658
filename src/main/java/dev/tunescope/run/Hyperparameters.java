package dev.tunescope.run;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's hyperparameters, sorted by name, and where they came from.
 *
 * @param source the format's own record (e.g. "hparams plugin", "hparams.yaml", "params/", "run.json") or
 *               "folder name" when they were read off the run's directory name
 */
public record Hyperparameters(Map<String, HyperparameterValue> values, String source) {

    public static final Hyperparameters NONE = new Hyperparameters(Map.of(), "none");

    public Hyperparameters {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** Builds from text values (folder names, MLflow params), reading numbers and booleans where they parse. */
    public static Hyperparameters parsed(Map<String, String> text, String source) {
        Map<String, HyperparameterValue> values = new TreeMap<>();
        text.forEach((key, value) -> values.put(key, HyperparameterValue.parse(value)));
        return new Hyperparameters(values, source);
    }

    /**
     * These values, plus those of {@code fallback} under names these lack: a format's own record completed by
     * what the folder name says (tensorboardX's hparams plugin, say, without the warmup the folder is named by).
     */
    public Hyperparameters withFallback(Hyperparameters fallback) {
        Map<String, HyperparameterValue> merged = new TreeMap<>(fallback.values);
        merged.putAll(values);
        if (merged.size() == values.size()) {
            return this;
        }
        return new Hyperparameters(merged, isEmpty() ? fallback.source : source + " + " + fallback.source);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Optional<HyperparameterValue> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Optional<Double> number(String name) {
        return get(name).flatMap(HyperparameterValue::asNumber);
    }
}
