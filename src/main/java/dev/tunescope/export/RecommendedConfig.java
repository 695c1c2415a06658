package dev.tunescope.export;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration Tunescope recommends for a teammate's next run, each value with a sentence saying what it
 * rests on. Written as JSON or YAML by {@link ConfigFiles}; {@link #SCHEMA_VERSION} changes whenever a field does.
 *
 * @param source the folder of runs it was computed from
 * @param notes  what the recommendation leaves to the reader (a sweep to extend, a warmup to try)
 */
public record RecommendedConfig(String tunescopeVersion, String source, String createdAt, LearningRate learningRate,
                                Optional<ClipThreshold> clipThreshold, Optional<RunLength> maxTrainSteps,
                                Optional<BatchSize> batchSize, Optional<Optimizer> optimizer, List<String> notes) {
    public static final int SCHEMA_VERSION = 1;

    public RecommendedConfig {
        notes = List.copyOf(notes);
    }

    /** @param schedule "constant" or "linear warmup, then constant" */
    public record LearningRate(double base, String schedule, long warmupSteps, String evidence) {
    }

    public record ClipThreshold(double value, double percentile, double clippedFraction, String evidence) {
    }

    public record RunLength(long value, String evidence) {
    }

    public record BatchSize(int value, String evidence) {
    }

    /** @param name the optimizer as the run recorded it, empty when it did not */
    public record Optimizer(Optional<String> name, Map<String, Object> hyperparameters, String evidence) {
        public Optimizer {
            hyperparameters = Map.copyOf(hyperparameters);
        }
    }
}
