package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CharTransformerWorkloadTest {
    private static final CharTransformerWorkload.Settings TINY = CharTransformerWorkload.Settings.tiny();

    private NDManager manager;

    @BeforeEach
    void openManager() {
        Engine.getInstance().setRandomSeed(7);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void theOutputIsOneRowOfLogitsPerPosition(NormPlacement placement) {
        CharTransformerWorkload workload = new CharTransformerWorkload(placement, TINY);
        Block block = initialized(workload, 3);

        TrainingBatch batch = workload.trainBatch(manager, 3, 1);
        NDArray logits = forward(block, batch.data().singletonOrThrow());

        Shape expected = new Shape(3, TINY.contextLength(), workload.corpus().vocabularySize());
        assertThat(logits.getShape()).isEqualTo(expected);
        assertThat(block.getOutputShapes(workload.inputShapes(3))).containsExactly(expected);
        assertThat(logits.isNaN().any().getBoolean()).isFalse();
    }

    /** Changing the character at position k changes the outputs at k and later, never before k. */
    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void noPositionSeesTheFuture(NormPlacement placement) {
        CharTransformerWorkload workload = new CharTransformerWorkload(placement, TINY);
        Block block = initialized(workload, 2);
        int context = TINY.contextLength();
        int vocabulary = workload.corpus().vocabularySize();
        long[] tokens = new Random(3).longs(2L * context, 0, vocabulary).toArray();

        for (int k : new int[] {1, context / 2, context - 1}) {
            long[] changed = tokens.clone();
            for (int row = 0; row < 2; row++) {
                changed[row * context + k] = (tokens[row * context + k] + 1 + row) % vocabulary;
            }
            NDArray before = forward(block, manager.create(tokens, new Shape(2, context)));
            NDArray after = forward(block, manager.create(changed, new Shape(2, context)));

            NDArray earlier = before.get(new NDIndex(":, :{}", k)).sub(after.get(new NDIndex(":, :{}", k)));
            assertThat(earlier.abs().max().getFloat()).as("largest change before position %d", k).isLessThan(1e-6f);
            NDArray atK = before.get(new NDIndex(":, {}", k)).sub(after.get(new NDIndex(":, {}", k)));
            assertThat(atK.abs().max().getFloat()).as("change at position %d", k).isGreaterThan(1e-4f);
        }
    }

    @Test
    void aStepsBatchIsTheSameEveryTimeAndDiffersFromOtherSteps() {
        CharTransformerWorkload workload = new CharTransformerWorkload(NormPlacement.PRE_LN, TINY);

        long[] step5 = workload.trainBatch(manager, 8, 5).data().singletonOrThrow().toLongArray();
        long[] step5Again = new CharTransformerWorkload(NormPlacement.POST_LN, TINY)
                .trainBatch(manager, 8, 5).data().singletonOrThrow().toLongArray();
        long[] step6 = workload.trainBatch(manager, 8, 6).data().singletonOrThrow().toLongArray();
        long[] otherSeed = new CharTransformerWorkload(NormPlacement.PRE_LN, TINY.withSeed(1))
                .trainBatch(manager, 8, 5).data().singletonOrThrow().toLongArray();

        assertThat(step5Again).isEqualTo(step5);
        assertThat(step6).isNotEqualTo(step5);
        assertThat(otherSeed).isNotEqualTo(step5);
    }

    @Test
    void labelsAreTheInputsShiftedByOneCharacter() {
        CharCorpus corpus = CharCorpus.bundled();
        CharTransformerWorkload workload = new CharTransformerWorkload(NormPlacement.POST_LN, TINY, corpus);
        String train = trainText(corpus);
        int context = TINY.contextLength();

        TrainingBatch batch = workload.trainBatch(manager, 16, 42);
        assertThat(batch.size()).isEqualTo(16);
        long[] inputs = batch.data().singletonOrThrow().toLongArray();
        long[] labels = batch.labels().singletonOrThrow().toLongArray();
        assertThat(batch.labels().singletonOrThrow().getShape()).isEqualTo(new Shape(16, context));
        for (int row = 0; row < 16; row++) {
            long[] in = Arrays.copyOfRange(inputs, row * context, (row + 1) * context);
            long[] out = Arrays.copyOfRange(labels, row * context, (row + 1) * context);
            assertThat(Arrays.copyOfRange(out, 0, context - 1)).isEqualTo(Arrays.copyOfRange(in, 1, context));
            // The window and its last label are a real passage of the training text.
            String window = corpus.decode(toInts(in)) + corpus.decode(new int[] {(int) out[context - 1]});
            assertThat(train).contains(window);
        }
    }

    @Test
    void theHeldOutSetIsTheConsecutiveWindowsOfTheLastTenth() {
        CharCorpus corpus = CharCorpus.of("digits", "test", "0123456789".repeat(40));
        CharTransformerWorkload workload = new CharTransformerWorkload(NormPlacement.PRE_LN,
                new CharTransformerWorkload.Settings(8, 16, 2, 1, 32, 0, 0), corpus);

        List<TrainingBatch> batches = workload.evalBatches(manager, 3);

        // 40 held-out characters: 4 windows of 8 inputs (each needs one more character for its last label).
        assertThat(workload.evalWindows()).isEqualTo(4);
        assertThat(batches).extracting(TrainingBatch::size).containsExactly(3, 1);
        long[] first = batches.get(0).data().singletonOrThrow().toLongArray();
        assertThat(corpus.decode(toInts(Arrays.copyOfRange(first, 0, 8)))).isEqualTo("01234567");
        assertThat(corpus.decode(toInts(Arrays.copyOfRange(first, 8, 16)))).isEqualTo("89012345");
        long[] lastLabels = batches.get(1).labels().singletonOrThrow().toLongArray();
        assertThat(corpus.decode(toInts(lastLabels))).isEqualTo("56789012");
    }

    @Test
    void aLargeHeldOutPartIsSampledByEvenlySpacedWindows() {
        // 10,000 held-out characters hold 1,249 windows of 8; the eval reads the cap's worth, spread over all of them.
        CharCorpus corpus = CharCorpus.of("digits", "test", "0123456789".repeat(10_000));
        CharTransformerWorkload workload = new CharTransformerWorkload(NormPlacement.PRE_LN,
                new CharTransformerWorkload.Settings(8, 16, 2, 1, 32, 0, 0), corpus);

        int[] starts = workload.evalWindowStarts();

        assertThat(workload.evalWindows()).isEqualTo(CharTransformerWorkload.MAX_EVAL_WINDOWS);
        assertThat(starts).hasSize(CharTransformerWorkload.MAX_EVAL_WINDOWS).isSorted().doesNotHaveDuplicates();
        assertThat(starts[0]).isZero();
        assertThat(starts[starts.length - 1]).isBetween(corpus.heldOutLength() - 2 * 8 - 40,
                corpus.heldOutLength() - 8 - 1);
        assertThat(Arrays.stream(starts).allMatch(start -> start % 8 == 0)).isTrue();
        assertThat(workload.evalBatches(manager, 100)).extracting(TrainingBatch::size)
                .containsExactly(100, 100, 56);
    }

    @Test
    void theTwoArrangementsDifferInStructure() {
        Block post = initialized(new CharTransformerWorkload(NormPlacement.POST_LN, TINY), 1);
        Block pre = initialized(new CharTransformerWorkload(NormPlacement.PRE_LN, TINY), 1);

        // DJL prefixes each child block's name with its position among its siblings.
        List<String> postNames = post.getParameters().keys();
        List<String> preNames = pre.getParameters().keys();
        assertThat(preNames).contains("03final_norm_gamma", "03final_norm_beta",
                "01block0_01attention_pre_norm_gamma", "02block1_03ffn_pre_norm_beta")
                .noneMatch(name -> name.contains("post_norm"));
        assertThat(postNames).contains("01block0_02attention_post_norm_gamma", "02block1_05ffn_post_norm_beta")
                .noneMatch(name -> name.contains("final_norm") || name.contains("pre_norm"));
        assertThat(post.getChildren().keys()).containsExactly("01block0", "02block1", "03head");
        assertThat(pre.getChildren().keys()).containsExactly("01block0", "02block1", "03final_norm", "04head");
        assertThat(preNames).hasSize(postNames.size() + 2);
    }

    /** Post-LN ends each block with a normalization; Pre-LN's residual path keeps the input's scale. */
    @Test
    void postLnNormalizesTheResidualStreamAndPreLnDoesNot() {
        Shape shape = new Shape(2, 8, 32);
        NDArray x = manager.randomNormal(0, 10, shape, DataType.FLOAT32);
        for (NormPlacement placement : NormPlacement.values()) {
            TransformerBlock block = new TransformerBlock(placement, 32, 2, 64, 0);
            block.initialize(manager, DataType.FLOAT32, shape);
            NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
            float[] means = y.mean(new int[] {2}).toFloatArray();
            float[] stds = y.sub(y.mean(new int[] {2}, true)).square().mean(new int[] {2}).sqrt().toFloatArray();
            if (placement == NormPlacement.POST_LN) {
                for (int i = 0; i < means.length; i++) {
                    assertThat(means[i]).isCloseTo(0f, within(1e-4f));
                    assertThat(stds[i]).isCloseTo(1f, within(1e-2f));
                }
            } else {
                for (float std : stds) {
                    assertThat(std).isGreaterThan(5f);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void describeNamesTheArrangementTheSettingsAndTheCorpus(NormPlacement placement) {
        CharTransformerWorkload workload = new CharTransformerWorkload(placement,
                CharTransformerWorkload.Settings.DEFAULTS);
        Block block = initialized(workload, 1);

        String name = placement == NormPlacement.PRE_LN ? "char-transformer-pre-ln" : "char-transformer-post-ln";
        assertThat(workload.name()).isEqualTo(name);
        assertThat(workload.describe()).containsEntry("name", name).containsEntry("context_length", 64)
                .containsEntry("width", 64).containsEntry("heads", 4).containsEntry("layers", 2)
                .containsEntry("ffn_width", 256).containsEntry("dropout", 0.0)
                .containsEntry("vocabulary", CharCorpus.bundled().vocabularySize())
                .containsEntry("corpus", "wordnet-3.0-glosses")
                .containsEntry("eval_windows", CharTransformerWorkload.MAX_EVAL_WINDOWS)
                .containsKeys("corpus_text", "corpus_sha256", "train_chars", "eval_chars", "data_seed");
        long actual = block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
        assertThat(workload.describe()).containsEntry("parameters", actual);
    }

    /** Batch and time differ here on purpose: DJL's own pick mis-expands a lower-rank label unless they agree. */
    @Test
    void theLossIsTheMeanNextCharacterCrossEntropyOverAllPositions() {
        int batch = 3;
        int time = 5;
        int classes = 7;
        NDArray logits = manager.randomNormal(0, 2, new Shape(batch, time, classes), DataType.FLOAT32);
        long[] ids = new Random(5).longs((long) batch * time, 0, classes).toArray();
        NDArray labels = manager.create(ids, new Shape(batch, time));

        float loss = new CharTransformerWorkload(NormPlacement.PRE_LN, TINY).loss()
                .evaluate(new NDList(labels), new NDList(logits)).getFloat();

        float[] z = logits.toFloatArray();
        double expected = 0;
        for (int p = 0; p < batch * time; p++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, z[p * classes + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(z[p * classes + c] - max);
            }
            expected += max + Math.log(sum) - z[p * classes + (int) ids[p]];
        }
        assertThat((double) loss).isCloseTo(expected / (batch * time), within(1e-5));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new CharTransformerWorkload.Settings(16, 30, 4, 1, 64, 0, 0))
                .hasMessageContaining("heads");
        assertThatThrownBy(() -> new CharTransformerWorkload.Settings(16, 32, 2, 0, 64, 0, 0))
                .hasMessageContaining("layers");
        assertThatThrownBy(() -> new CharTransformerWorkload.Settings(16, 32, 2, 1, 64, 1.0, 0))
                .hasMessageContaining("dropout");
        CharCorpus tooShort = CharCorpus.of("short", "test", "abcdefghij".repeat(10));
        assertThatThrownBy(() -> new CharTransformerWorkload(NormPlacement.PRE_LN,
                CharTransformerWorkload.Settings.tiny(), tooShort)).hasMessageContaining("too short");
    }

    private Block initialized(CharTransformerWorkload workload, int batchSize) {
        Block block = workload.newBlock();
        block.initialize(manager, DataType.FLOAT32, workload.inputShapes(batchSize));
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            assertThat(parameter.getValue().isInitialized()).as(parameter.getKey()).isTrue();
        }
        return block;
    }

    private NDArray forward(Block block, NDArray tokens) {
        return block.forward(new ParameterStore(manager, false), new NDList(tokens), false).singletonOrThrow();
    }

    private static String trainText(CharCorpus corpus) {
        int[] ids = new int[corpus.trainLength()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = corpus.train(i);
        }
        return corpus.decode(ids);
    }

    private static int[] toInts(long[] ids) {
        return Arrays.stream(ids).mapToInt(Math::toIntExact).toArray();
    }
}
