package dev.tunescope.workspace;

import dev.tunescope.diagnose.TrialExtraction;
import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The design settings of one run, as the study grouping compares them: learning rate, warmup, clipping threshold,
 * batch size and run length, and whether it logged throughput.
 */
record RunSettings(Run run, OptionalDouble learningRate, long warmupSteps, OptionalDouble clip,
                   Optional<Double> batchSize, Optional<Double> maxTrainSteps, boolean logsThroughput) {

    static RunSettings of(Run run, MetricAliases aliases) {
        var hparams = run.hyperparameters();
        return new RunSettings(run, TrialExtraction.learningRate(run, aliases),
                TrialExtraction.warmupSteps(run, aliases), TrialExtraction.clipThreshold(run),
                HyperparameterNames.number(hparams, HyperparameterNames.BATCH_SIZE),
                HyperparameterNames.number(hparams, HyperparameterNames.MAX_TRAIN_STEPS),
                run.scalar(MetricRole.THROUGHPUT, aliases).filter(s -> !s.isEmpty()).isPresent());
    }

    /** The clipping threshold as a grouping value: "none" for a run that does not clip. */
    String clipKey() {
        return clip.isPresent() ? Double.toString(clip.getAsDouble()) : "none";
    }
}
