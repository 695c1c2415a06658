package dev.tunescope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * A small character-level Transformer language model (decoder-only, causal self-attention) on a bundled text, in
 * a Post-LN or a Pre-LN arrangement ({@link NormPlacement}), so the two can be trained side by side at the same
 * learning rates. The model predicts every next character of a window: inputs are {@code contextLength} token ids,
 * labels the same window shifted one character on, the loss softmax cross-entropy over all positions.
 *
 * <p>Training windows start at positions drawn from a {@link Random} seeded by the data seed and the step, in the
 * first 90% of the text. The held-out set is at most {@value #MAX_EVAL_WINDOWS} windows spread evenly over the last
 * 10%, the same windows at every evaluation, so consecutive eval losses differ only by what the model learnt.
 */
public final class CharTransformerWorkload implements Workload {

    /**
     * The most held-out windows one evaluation reads. The bundled corpus holds out over a million characters; reading
     * them all at every evaluation would cost fifty times a training step. 256 windows of 64 characters are 16,384
     * predictions, which puts the standard error of the eval loss near 0.01 nats.
     */
    public static final int MAX_EVAL_WINDOWS = 256;

    /**
     * Sizes of the model: the context (characters per window), the model width, attention heads, blocks, the
     * feed-forward width, the dropout rate, and the seed of the training windows. The vocabulary comes from the
     * corpus.
     */
    public record Settings(int contextLength, int width, int heads, int layers, int ffnWidth, double dropout,
                           long seed) {

        /** A 64-character context, width 64, 4 heads, 2 blocks, feed-forward width 256, no dropout. */
        public static final Settings DEFAULTS = new Settings(64, 64, 4, 2, 256, 0.0, 0);

        public Settings {
            positive("context length", contextLength);
            positive("width", width);
            positive("heads", heads);
            positive("layers", layers);
            positive("feed-forward width", ffnWidth);
            if (width % heads != 0) {
                throw new IllegalArgumentException("the width " + width + " does not split into " + heads
                        + " heads");
            }
            if (!(dropout >= 0 && dropout < 1)) {
                throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
            }
        }

        /** A very small model for tests: 16 characters of context, width 32, 2 heads, 2 blocks. */
        public static Settings tiny() {
            return new Settings(16, 32, 2, 2, 64, 0.0, 0);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(contextLength, width, heads, layers, ffnWidth, dropout, newSeed);
        }

        private static void positive(String what, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("the " + what + " must be positive, not " + value);
            }
        }
    }

    private final NormPlacement placement;
    private final Settings settings;
    private final CharCorpus corpus;

    /** The workload on the bundled corpus. */
    public CharTransformerWorkload(NormPlacement placement, Settings settings) {
        this(placement, settings, CharCorpus.bundled());
    }

    public CharTransformerWorkload(NormPlacement placement, Settings settings, CharCorpus corpus) {
        this.placement = Objects.requireNonNull(placement, "placement");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.corpus = Objects.requireNonNull(corpus, "corpus");
        int window = settings.contextLength() + 1;
        if (corpus.trainLength() < window || corpus.heldOutLength() < window) {
            throw new IllegalArgumentException("the corpus " + corpus.name() + " is too short for a context of "
                    + settings.contextLength() + " characters: " + corpus.trainLength() + " training and "
                    + corpus.heldOutLength() + " held-out characters, each part needs " + window);
        }
    }

    public NormPlacement placement() {
        return placement;
    }

    public Settings settings() {
        return settings;
    }

    public CharCorpus corpus() {
        return corpus;
    }

    @Override
    public String name() {
        return "char-transformer-" + placement.id();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name());
        out.put("norm_placement", placement.id());
        out.put("context_length", settings.contextLength());
        out.put("width", settings.width());
        out.put("heads", settings.heads());
        out.put("layers", settings.layers());
        out.put("ffn_width", settings.ffnWidth());
        out.put("dropout", settings.dropout());
        out.put("vocabulary", corpus.vocabularySize());
        out.put("parameters", parameterCount());
        out.put("corpus", corpus.name());
        out.put("corpus_text", corpus.description());
        out.put("corpus_sha256", corpus.sha256());
        out.put("train_chars", corpus.trainLength());
        out.put("eval_chars", corpus.heldOutLength());
        out.put("eval_windows", evalWindows());
        out.put("data_seed", settings.seed());
        return out;
    }

    /** How many scalars the model trains. */
    public long parameterCount() {
        long v = corpus.vocabularySize();
        long d = settings.width();
        long f = settings.ffnWidth();
        long attention = 4 * (d * d + d);
        long ffn = d * f + f + f * d + d;
        long norms = 2 * 2 * d;
        long finalNorm = placement == NormPlacement.PRE_LN ? 2 * d : 0;
        return v * d + (long) settings.contextLength() * d + settings.layers() * (attention + ffn + norms) + finalNorm
                + d * v + v;
    }

    @Override
    public Block newBlock() {
        return new CharTransformerModel(placement, corpus.vocabularySize(), settings);
    }

    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, settings.contextLength())};
    }

    /** Softmax cross-entropy of the logits against the next character, averaged over every position. */
    @Override
    public Loss loss() {
        return new NextCharacterLoss();
    }

    @Override
    public TrainingBatch trainBatch(NDManager manager, int batchSize, long step) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("the batch size must be positive, not " + batchSize);
        }
        Random random = new Random(stepSeed(settings.seed(), step));
        int starts = corpus.trainLength() - settings.contextLength();
        int[] windowStarts = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            windowStarts[i] = random.nextInt(starts);
        }
        return batch(manager, windowStarts, true);
    }

    @Override
    public List<TrainingBatch> evalBatches(NDManager manager, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("the batch size must be positive, not " + batchSize);
        }
        int[] starts = evalWindowStarts();
        List<TrainingBatch> batches = new ArrayList<>();
        for (int from = 0; from < starts.length; from += batchSize) {
            batches.add(batch(manager, Arrays.copyOfRange(starts, from, Math.min(starts.length, from + batchSize)),
                    false));
        }
        return batches;
    }

    /** The number of held-out windows {@link #evalBatches} covers. */
    public int evalWindows() {
        return Math.min(MAX_EVAL_WINDOWS, heldOutWindows());
    }

    /** Where each held-out window starts: every window when they are few, else evenly spaced over the part. */
    int[] evalWindowStarts() {
        int context = settings.contextLength();
        int available = heldOutWindows();
        int windows = evalWindows();
        int[] starts = new int[windows];
        for (int i = 0; i < windows; i++) {
            starts[i] = (int) ((long) i * available / windows) * context;
        }
        return starts;
    }

    /** How many non-overlapping windows (each with its next character) fit in the held-out part. */
    private int heldOutWindows() {
        return (corpus.heldOutLength() - 1) / settings.contextLength();
    }

    private TrainingBatch batch(NDManager manager, int[] windowStarts, boolean train) {
        int context = settings.contextLength();
        long[] inputs = new long[windowStarts.length * context];
        long[] labels = new long[windowStarts.length * context];
        for (int i = 0; i < windowStarts.length; i++) {
            for (int t = 0; t < context; t++) {
                int at = windowStarts[i] + t;
                inputs[i * context + t] = train ? corpus.train(at) : corpus.heldOut(at);
                labels[i * context + t] = train ? corpus.train(at + 1) : corpus.heldOut(at + 1);
            }
        }
        Shape shape = new Shape(windowStarts.length, context);
        NDArray data = manager.create(inputs, shape);
        NDArray next = manager.create(labels, shape);
        return new TrainingBatch(new NDList(data), new NDList(next), windowStarts.length);
    }

    /** Mixes the data seed and the step into one {@link Random} seed, so nearby pairs do not collide. */
    static long stepSeed(long seed, long step) {
        long z = seed * 0x9E3779B97F4A7C15L + step;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
