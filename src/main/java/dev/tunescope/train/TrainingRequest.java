package dev.tunescope.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Everything one training run needs, checked when it is made so that a bad request fails before a model is built.
 *
 * @param clipThreshold  clip the global gradient norm at this value; empty for no clipping
 * @param evalEvery      evaluate every this many steps (and at the last step)
 * @param histogramEvery log a gradient-value histogram every this many steps; 0 for none
 */
public record TrainingRequest(String name, Workload workload, OptimizerSpec optimizer, Schedule schedule,
                              OptionalDouble clipThreshold, int batchSize, long maxSteps, int evalEvery,
                              int histogramEvery, long seed) {

    public TrainingRequest {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("a run needs at least 1 step, not " + maxSteps);
        }
        if (evalEvery < 1) {
            throw new IllegalArgumentException("evaluate every 1 step or more, not " + evalEvery);
        }
        if (histogramEvery < 0) {
            throw new IllegalArgumentException("histogram interval cannot be negative: " + histogramEvery);
        }
        if (clipThreshold.isPresent() && !(clipThreshold.getAsDouble() > 0)) {
            throw new IllegalArgumentException("a clipping threshold must be positive, not " + clipThreshold);
        }
    }

    /** The hyperparameters the run records: what a sweep varies and what the playbook's rules read. */
    public Map<String, Object> hyperparameters() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lr", schedule.baseLr());
        out.put("warmup_steps", schedule.warmupSteps());
        out.put("schedule", schedule.decay().name().toLowerCase(java.util.Locale.ROOT));
        out.put("batch_size", batchSize);
        out.put("max_train_steps", maxSteps);
        clipThreshold.ifPresent(c -> out.put("clip", c));
        out.putAll(optimizer.describe());
        out.put("seed", seed);
        return out;
    }
}
