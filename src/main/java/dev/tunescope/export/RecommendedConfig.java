package dev.tunescope.export;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The configuration Tunescope recommends for a teammate's next run, each value with a sentence saying what it
 * rests on and the study it came from. Written as JSON or YAML by {@link ConfigFiles}; {@link #SCHEMA_VERSION}
 * changes whenever a field does.
 *
 * @param source            the folder of runs it was computed from
 * @param study             the study (id) the recommendation centres on, usually an LR sweep
 * @param command           the user's training command template the study's trials ran (its study.json), where
 *                          they ran one instead of a built-in workload; {@code tunescope study --config} runs it
 * @param diagnosisSettings the rule settings the verdicts were made with (a clipping percentile, ...), so a reader
 *                          knows when they were not the defaults
 * @param notes             what the recommendation leaves to the reader (a sweep to extend, a warmup to try)
 */
public record RecommendedConfig(String tunescopeVersion, String source, String study, String createdAt,
                                LearningRate learningRate, Optional<ClipThreshold> clipThreshold,
                                Optional<RunLength> maxTrainSteps, Optional<BatchSize> batchSize,
                                Optional<Optimizer> optimizer, Optional<Model> model,
                                Optional<List<String>> command, OptionalLong seed,
                                dev.tunescope.run.LoggingCadence logging, Map<String, Double> diagnosisSettings,
                                List<String> notes) {
    /**
     * 4: {@code command} (the user's command template, where the runs were trained by one). 3: {@code logging}
     * (eval and histogram cadence, as the reference run had them). 2: per-value {@code from_study}, optimizer values
     * as numbers, schedule with decay, model, seed, settings. Tunescope reads all three (an older config has no
     * command, a schema 2 config no cadence).
     */
    public static final int SCHEMA_VERSION = 4;

    public RecommendedConfig {
        command = command.map(List::copyOf);
        diagnosisSettings = Map.copyOf(diagnosisSettings);
        notes = List.copyOf(notes);
    }

    /**
     * @param decay       what follows the warmup: "constant", "linear" or "cosine" (as the runs recorded it)
     * @param totalSteps  the schedule's length, warmup included
     */
    /** The same config, recording the command template its runs were trained with. */
    public RecommendedConfig withCommand(Optional<List<String>> template) {
        return new RecommendedConfig(tunescopeVersion, source, study, createdAt, learningRate, clipThreshold,
                maxTrainSteps, batchSize, optimizer, model, template, seed, logging, diagnosisSettings, notes);
    }

    public record LearningRate(double base, long warmupSteps, String decay, long totalSteps, String evidence,
                               String fromStudy) {
    }

    public record ClipThreshold(double value, double percentile, double clippedFraction, String evidence,
                                String fromStudy) {
    }

    public record RunLength(long value, String evidence, String fromStudy) {
    }

    public record BatchSize(int value, String evidence, String fromStudy) {
    }

    /**
     * @param name            the optimizer as the run recorded it, empty when it did not
     * @param hyperparameters numbers as numbers, flags as booleans
     */
    public record Optimizer(Optional<String> name, Map<String, Object> hyperparameters, String evidence,
                            String fromStudy) {
        public Optimizer {
            hyperparameters = Map.copyOf(hyperparameters);
        }
    }

    /** The model or workload the runs trained, and its recorded settings. */
    public record Model(String name, Map<String, Object> settings, String fromStudy) {
        public Model {
            settings = Map.copyOf(settings);
        }
    }
}
