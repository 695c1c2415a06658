package dev.tunescope.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoder-only character language model: token ids {@code (batch, time)} in, next-character logits
 * {@code (batch, time, vocabulary)} out. Token and learned position embeddings are summed, pass through the
 * {@link TransformerBlock}s, then (Pre-LN only) a final layer normalization and a linear output layer.
 */
final class CharTransformerModel extends AbstractBlock {

    /** The standard deviation of the embeddings at initialization. */
    private static final float EMBEDDING_STD = 0.02f;

    private final int vocabulary;
    private final int width;
    private final int contextLength;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<TransformerBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear head;

    CharTransformerModel(NormPlacement placement, int vocabulary, CharTransformerWorkload.Settings settings) {
        this.vocabulary = vocabulary;
        this.width = settings.width();
        this.contextLength = settings.contextLength();
        tokenEmbedding = addParameter(Parameter.builder().setName("token_embedding").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(vocabulary, width)).optInitializer(new NormalInitializer(EMBEDDING_STD))
                .build());
        positionEmbedding = addParameter(Parameter.builder().setName("position_embedding")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(contextLength, width))
                .optInitializer(new NormalInitializer(EMBEDDING_STD)).build());
        for (int i = 0; i < settings.layers(); i++) {
            blocks.add(addChildBlock("block" + i, new TransformerBlock(placement, width, settings.heads(),
                    settings.ffnWidth(), settings.dropout())));
        }
        finalNorm = placement == NormPlacement.PRE_LN ? addChildBlock("final_norm", TransformerBlock.newNorm()) : null;
        head = addChildBlock("head", Linear.builder().setUnits(vocabulary).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray tokens = inputs.singletonOrThrow();
        if (tokens.getDataType() != DataType.INT64) {
            tokens = tokens.toType(DataType.INT64, false);
        }
        long time = tokens.getShape().get(1);
        if (time > contextLength) {
            throw new IllegalArgumentException("a sequence of " + time + " characters is longer than the context of "
                    + contextLength);
        }
        Device device = tokens.getDevice();
        NDArray tokenTable = store.getValue(tokenEmbedding, device, training);
        NDArray positions = store.getValue(positionEmbedding, device, training).get(new NDIndex("0:{}", time));
        NDArray x = Embedding.embedding(tokens, tokenTable, SparseFormat.DENSE).singletonOrThrow().add(positions);
        NDList hidden = new NDList(x);
        for (TransformerBlock block : blocks) {
            hidden = block.forward(store, hidden, training);
        }
        if (finalNorm != null) {
            hidden = finalNorm.forward(store, hidden, training);
        }
        return head.forward(store, hidden, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), vocabulary)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape hidden = new Shape(in.get(0), in.get(1), width);
        for (TransformerBlock block : blocks) {
            block.initialize(manager, dataType, hidden);
        }
        if (finalNorm != null) {
            finalNorm.initialize(manager, dataType, hidden);
        }
        head.initialize(manager, dataType, hidden);
    }
}
