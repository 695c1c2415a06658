package dev.tunescope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One decoder block on {@code (batch, time, width)}: causal self-attention, then a position-wise feed-forward
 * network ({@code width -> ffnWidth -> width}, GELU), each with a residual connection and a layer normalization
 * placed as {@link NormPlacement} says.
 * <ul>
 *   <li>Post-LN: {@code x = Norm(x + Attention(x)); x = Norm(x + FFN(x))}</li>
 *   <li>Pre-LN: {@code x = x + Attention(Norm(x)); x = x + FFN(Norm(x))}</li>
 * </ul>
 * The normalizations are named for where they sit ({@code attention_post_norm}, {@code attention_pre_norm}, ...),
 * so the parameter names tell the two arrangements apart.
 */
final class TransformerBlock extends AbstractBlock {

    /** LayerNorm over the feature axis only: each position is normalized on its own, nothing leaks in time. */
    private static final int FEATURE_AXIS = 2;

    private final NormPlacement placement;
    private final float dropout;
    private final LayerNorm attentionNorm;
    private final CausalSelfAttention attention;
    private final LayerNorm ffnNorm;
    private final Linear ffnIn;
    private final Linear ffnOut;

    TransformerBlock(NormPlacement placement, int width, int heads, int ffnWidth, double dropout) {
        this.placement = placement;
        this.dropout = (float) dropout;
        if (placement == NormPlacement.PRE_LN) {
            attentionNorm = addChildBlock("attention_pre_norm", newNorm());
            attention = addChildBlock("attention", new CausalSelfAttention(width, heads, dropout));
            ffnNorm = addChildBlock("ffn_pre_norm", newNorm());
            ffnIn = addChildBlock("ffn_in", Linear.builder().setUnits(ffnWidth).build());
            ffnOut = addChildBlock("ffn_out", Linear.builder().setUnits(width).build());
        } else {
            attention = addChildBlock("attention", new CausalSelfAttention(width, heads, dropout));
            attentionNorm = addChildBlock("attention_post_norm", newNorm());
            ffnIn = addChildBlock("ffn_in", Linear.builder().setUnits(ffnWidth).build());
            ffnOut = addChildBlock("ffn_out", Linear.builder().setUnits(width).build());
            ffnNorm = addChildBlock("ffn_post_norm", newNorm());
        }
    }

    static LayerNorm newNorm() {
        return LayerNorm.builder().axis(FEATURE_AXIS).build();
    }

    NormPlacement placement() {
        return placement;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (placement == NormPlacement.PRE_LN) {
            x = x.add(branch(attention(store, norm(attentionNorm, store, x, training), training), training));
            x = x.add(branch(ffn(store, norm(ffnNorm, store, x, training), training), training));
        } else {
            x = norm(attentionNorm, store, x.add(branch(attention(store, x, training), training)), training);
            x = norm(ffnNorm, store, x.add(branch(ffn(store, x, training), training)), training);
        }
        return new NDList(x);
    }

    private NDArray attention(ParameterStore store, NDArray x, boolean training) {
        return attention.forward(store, new NDList(x), training).singletonOrThrow();
    }

    private NDArray ffn(ParameterStore store, NDArray x, boolean training) {
        NDArray hidden = Activation.gelu(ffnIn.forward(store, new NDList(x), training).singletonOrThrow());
        return ffnOut.forward(store, new NDList(hidden), training).singletonOrThrow();
    }

    private static NDArray norm(LayerNorm norm, ParameterStore store, NDArray x, boolean training) {
        return norm.forward(store, new NDList(x), training).singletonOrThrow();
    }

    /** Dropout on a residual branch's output while training (none at the default rate 0). */
    private NDArray branch(NDArray out, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(out, dropout, true).singletonOrThrow() : out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        attentionNorm.initialize(manager, dataType, in);
        attention.initialize(manager, dataType, in);
        ffnNorm.initialize(manager, dataType, in);
        ffnIn.initialize(manager, dataType, in);
        ffnOut.initialize(manager, dataType, ffnIn.getOutputShapes(new Shape[] {in}));
    }
}
