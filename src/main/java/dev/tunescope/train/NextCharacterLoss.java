package dev.tunescope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;

/**
 * Softmax cross-entropy of logits {@code (batch, time, vocabulary)} against next-character ids {@code (batch, time)},
 * averaged over every position. DJL's loss picks the label's class with an index of the logits' rank; with a rank
 * lower by one, the PyTorch engine expands it correctly only when batch and time happen to be equal, so the labels
 * get their trailing class axis here.
 */
final class NextCharacterLoss extends SoftmaxCrossEntropyLoss {

    NextCharacterLoss() {
        super("SoftmaxCrossEntropyLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray label = labels.singletonOrThrow();
        NDArray prediction = predictions.singletonOrThrow();
        if (label.getShape().dimension() == prediction.getShape().dimension() - 1) {
            label = label.expandDims(-1);
        }
        return super.evaluate(new NDList(label), predictions);
    }
}
