package dev.tunescope.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A fast classification workload for tests and demos: an MLP on a generated data set. Inputs are Gaussian; the
 * label of each example is the arg-max of a fixed random "teacher" network, so the task is learnable but not
 * trivial. Everything derives from the seed; nothing is read from disk.
 */
public final class MlpWorkload implements Workload {

    /** Sizes of the data and the model. */
    public record Settings(int features, int classes, int hidden, int layers, int trainExamples, int evalExamples,
                           long seed) {
        public static final Settings DEFAULTS = new Settings(16, 4, 64, 2, 4096, 1024, 0);
    }

    private final Settings settings;
    private final float[] trainX;
    private final float[] trainY;
    private final float[] evalX;
    private final float[] evalY;

    public MlpWorkload(Settings settings) {
        this.settings = settings;
        Random random = new Random(settings.seed());
        float[][] teacher = new float[settings.classes()][settings.features()];
        for (float[] row : teacher) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        trainX = gaussian(random, settings.trainExamples() * settings.features());
        evalX = gaussian(random, settings.evalExamples() * settings.features());
        trainY = labels(trainX, teacher);
        evalY = labels(evalX, teacher);
    }

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name());
        out.put("features", settings.features());
        out.put("classes", settings.classes());
        out.put("hidden", settings.hidden());
        out.put("layers", settings.layers());
        out.put("train_examples", settings.trainExamples());
        out.put("eval_examples", settings.evalExamples());
        out.put("data_seed", settings.seed());
        return out;
    }

    @Override
    public Block newBlock() {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < settings.layers(); i++) {
            block.add(Linear.builder().setUnits(settings.hidden()).build()).add(Activation::relu);
        }
        return block.add(Linear.builder().setUnits(settings.classes()).build());
    }

    @Override
    public Shape[] inputShapes(int batchSize) {
        return new Shape[] {new Shape(batchSize, settings.features())};
    }

    @Override
    public Loss loss() {
        return Loss.softmaxCrossEntropyLoss();
    }

    @Override
    public TrainingBatch trainBatch(NDManager manager, int batchSize, long step) {
        Random random = new Random(settings.seed() * 1_000_003L + step);
        int[] rows = new int[batchSize];
        for (int i = 0; i < batchSize; i++) {
            rows[i] = random.nextInt(settings.trainExamples());
        }
        return batch(manager, trainX, trainY, rows);
    }

    @Override
    public List<TrainingBatch> evalBatches(NDManager manager, int batchSize) {
        List<TrainingBatch> batches = new ArrayList<>();
        for (int from = 0; from < settings.evalExamples(); from += batchSize) {
            int size = Math.min(batchSize, settings.evalExamples() - from);
            int[] rows = new int[size];
            for (int i = 0; i < size; i++) {
                rows[i] = from + i;
            }
            batches.add(batch(manager, evalX, evalY, rows));
        }
        return batches;
    }

    private TrainingBatch batch(NDManager manager, float[] xs, float[] ys, int[] rows) {
        int d = settings.features();
        float[] x = new float[rows.length * d];
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(xs, rows[i] * d, x, i * d, d);
            y[i] = ys[rows[i]];
        }
        NDArray data = manager.create(x, new Shape(rows.length, d));
        NDArray labels = manager.create(y, new Shape(rows.length));
        return new TrainingBatch(new NDList(data), new NDList(labels), rows.length);
    }

    private static float[] gaussian(Random random, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextGaussian();
        }
        return out;
    }

    private float[] labels(float[] x, float[][] teacher) {
        int d = settings.features();
        int n = x.length / d;
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < teacher.length; c++) {
                double score = 0;
                for (int j = 0; j < d; j++) {
                    score += teacher[c][j] * Math.tanh(2 * x[i * d + j]);
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            y[i] = best;
        }
        return y;
    }
}
