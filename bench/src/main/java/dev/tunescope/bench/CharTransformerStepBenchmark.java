package dev.tunescope.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.tunescope.train.CharTransformerWorkload;
import dev.tunescope.train.NormPlacement;
import dev.tunescope.train.TrainingBatch;
import java.util.Arrays;

/**
 * Time of one training step of the character Transformer (default settings) with DJL's trainer and Adam: the batch
 * built from the corpus, forward, loss, backward and the update, each arrangement in turn, on the device DJL picks.
 *
 * <p>Usage: {@code bench/run-char-transformer.sh [batch] [steps]}.
 */
public final class CharTransformerStepBenchmark {

    private static final int WARMUP_STEPS = 20;

    public static void main(String[] args) {
        int batchSize = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Engine engine = Engine.getInstance();
        System.out.printf("%s %s, %d CPU cores available, batch %d, %d timed steps after %d warmup steps%n",
                engine.getEngineName(), engine.getVersion(), Runtime.getRuntime().availableProcessors(), batchSize,
                steps, WARMUP_STEPS);
        for (NormPlacement placement : NormPlacement.values()) {
            CharTransformerWorkload workload = new CharTransformerWorkload(placement,
                    CharTransformerWorkload.Settings.DEFAULTS);
            double[] millis = run(workload, batchSize, steps);
            Arrays.sort(millis);
            double mean = Arrays.stream(millis).average().orElseThrow();
            System.out.printf("%-26s %,9d parameters  median %6.2f ms  mean %6.2f ms  p90 %6.2f ms per step%n",
                    workload.name(), workload.parameterCount(), millis[steps / 2], mean,
                    millis[(int) (steps * 0.9)]);
        }
    }

    private static double[] run(CharTransformerWorkload workload, int batchSize, int steps) {
        double[] millis = new double[steps];
        try (Model model = Model.newInstance(workload.name())) {
            model.setBlock(workload.newBlock());
            DefaultTrainingConfig config = new DefaultTrainingConfig(workload.loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(workload.inputShapes(batchSize));
                for (int step = -WARMUP_STEPS; step < steps; step++) {
                    long start = System.nanoTime();
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        TrainingBatch batch = workload.trainBatch(scope, batchSize, step + WARMUP_STEPS + 1);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predictions = trainer.forward(batch.data(), batch.labels());
                            NDArray loss = trainer.getLoss().evaluate(batch.labels(), predictions);
                            loss.getFloat();
                            collector.backward(loss);
                        }
                        trainer.step();
                    }
                    if (step >= 0) {
                        millis[step] = (System.nanoTime() - start) / 1e6;
                    }
                }
            }
        }
        return millis;
    }
}
