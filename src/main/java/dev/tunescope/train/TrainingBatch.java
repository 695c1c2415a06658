package dev.tunescope.train;

import ai.djl.ndarray.NDList;

/** One batch: the model's inputs, the labels the loss compares against, and how many examples it holds. */
public record TrainingBatch(NDList data, NDList labels, int size) {
}
