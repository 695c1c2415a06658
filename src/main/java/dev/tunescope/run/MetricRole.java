package dev.tunescope.run;

/**
 * What a metric means to the playbook's rules, whatever it was called in the log. Throughput is examples/s;
 * {@code CLIPPED} is a per-step flag (1 where the update was clipped) or the share of clipped updates.
 */
public enum MetricRole {
    TRAIN_LOSS, EVAL_LOSS, GRAD_NORM, LEARNING_RATE, THROUGHPUT, CLIPPED
}
