package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A few dozen Adam steps with DJL's own trainer: both arrangements learn the bundled text. */
class CharTransformerTrainingTest {
    private static final int STEPS = 40;
    private static final int BATCH = 16;

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void theLossGoesDown(NormPlacement placement) {
        Engine.getInstance().setRandomSeed(11);
        CharTransformerWorkload workload = new CharTransformerWorkload(placement,
                CharTransformerWorkload.Settings.tiny());
        List<Double> losses = new ArrayList<>();
        double evalBefore;
        double evalAfter;
        try (Model model = Model.newInstance("char-transformer-test")) {
            model.setBlock(workload.newBlock());
            DefaultTrainingConfig config = new DefaultTrainingConfig(workload.loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(3e-3f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(workload.inputShapes(BATCH));
                evalBefore = evalLoss(workload, trainer);
                for (long step = 1; step <= STEPS; step++) {
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        TrainingBatch batch = workload.trainBatch(scope, BATCH, step);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predictions = trainer.forward(batch.data(), batch.labels());
                            NDArray loss = trainer.getLoss().evaluate(batch.labels(), predictions);
                            losses.add((double) loss.getFloat());
                            collector.backward(loss);
                        }
                        trainer.step();
                    }
                }
                evalAfter = evalLoss(workload, trainer);
            }
        }

        double vocabularyEntropy = Math.log(workload.corpus().vocabularySize());
        assertThat(losses.getFirst()).as("the first loss, near log(vocabulary)")
                .isBetween(0.5 * vocabularyEntropy, 1.5 * vocabularyEntropy);
        assertThat(mean(losses.subList(STEPS - 5, STEPS))).as("the last 5 losses, %s", losses)
                .isLessThan(mean(losses.subList(0, 5)) - 0.7);
        assertThat(evalAfter).as("the held-out loss").isLessThan(evalBefore - 0.7);
    }

    private static double evalLoss(CharTransformerWorkload workload, Trainer trainer) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            double total = 0;
            long count = 0;
            for (TrainingBatch batch : workload.evalBatches(scope, 256)) {
                NDList predictions = trainer.evaluate(batch.data());
                total += trainer.getLoss().evaluate(batch.labels(), predictions).getFloat() * batch.size();
                count += batch.size();
            }
            return total / count;
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }
}
