package dev.tunescope.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;

/**
 * A model and the data it trains on, shipped with Tunescope (nothing is downloaded). Batches are a pure function
 * of the seed and the step, so a run restarted at step s sees the same data as the run it replaces.
 */
public interface Workload {

    /** A short name, e.g. {@code "mlp"} or {@code "char-transformer-post-ln"}. */
    String name();

    /** What {@code run.json} records as the workload: its name and settings. */
    Map<String, Object> describe();

    /** A fresh, uninitialised model. */
    Block newBlock();

    /** The input shape {@link ai.djl.training.Trainer#initialize} needs for a batch of this size. */
    Shape[] inputShapes(int batchSize);

    Loss loss();

    /** The training batch of {@code step} (1-based). */
    TrainingBatch trainBatch(NDManager manager, int batchSize, long step);

    /** The held-out set in batches; the eval loss is their example-weighted mean. */
    List<TrainingBatch> evalBatches(NDManager manager, int batchSize);
}
