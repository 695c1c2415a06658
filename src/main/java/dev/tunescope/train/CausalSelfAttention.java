package dev.tunescope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention over a sequence {@code (batch, time, width)}: linear query, key and value
 * projections, split into heads, scaled dot products, a mask that hides every later position, softmax, the
 * weighted sum of the values, the heads joined again and a linear output projection. Position {@code i} sees
 * positions {@code 0..i} only.
 */
final class CausalSelfAttention extends AbstractBlock {

    /** Added to the scores of hidden positions: large enough that softmax gives them exactly 0 in float32. */
    static final float MASKED = -1e9f;

    private final int width;
    private final int heads;
    private final float dropout;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;
    private volatile float[] maskCache = new float[0];

    CausalSelfAttention(int width, int heads, double dropout) {
        if (heads <= 0 || width % heads != 0) {
            throw new IllegalArgumentException("the width " + width + " does not split into " + heads + " heads");
        }
        this.width = width;
        this.heads = heads;
        this.dropout = (float) dropout;
        query = addChildBlock("query", Linear.builder().setUnits(width).build());
        key = addChildBlock("key", Linear.builder().setUnits(width).build());
        value = addChildBlock("value", Linear.builder().setUnits(width).build());
        output = addChildBlock("output", Linear.builder().setUnits(width).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long time = shape.get(1);
        long headWidth = width / heads;
        NDArray q = splitHeads(query.forward(store, inputs, training).singletonOrThrow(), batch, time, headWidth);
        NDArray k = splitHeads(key.forward(store, inputs, training).singletonOrThrow(), batch, time, headWidth);
        NDArray v = splitHeads(value.forward(store, inputs, training).singletonOrThrow(), batch, time, headWidth);
        // (batch, heads, time, time): row i holds the scores of query i against every key.
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(headWidth))
                .add(causalMask(x.getManager(), (int) time));
        NDArray weights = scores.softmax(-1);
        if (training && dropout > 0) {
            weights = Dropout.dropout(weights, dropout, true).singletonOrThrow();
        }
        NDArray mixed = weights.matMul(v).transpose(0, 2, 1, 3).reshape(batch, time, width);
        return output.forward(store, new NDList(mixed), training);
    }

    private NDArray splitHeads(NDArray x, long batch, long time, long headWidth) {
        return x.reshape(batch, time, heads, headWidth).transpose(0, 2, 1, 3);
    }

    /** A {@code (time, time)} array: 0 on and below the diagonal, {@link #MASKED} above it. */
    private NDArray causalMask(NDManager manager, int time) {
        float[] mask = maskCache;
        if (mask.length != time * time) {
            mask = new float[time * time];
            for (int i = 0; i < time; i++) {
                for (int j = i + 1; j < time; j++) {
                    mask[i * time + j] = MASKED;
                }
            }
            maskCache = mask;
        }
        return manager.create(mask, new Shape(time, time));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        query.initialize(manager, dataType, inputShapes);
        key.initialize(manager, dataType, inputShapes);
        value.initialize(manager, dataType, inputShapes);
        output.initialize(manager, dataType, inputShapes);
    }
}
