package dev.tunescope.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import dev.tunescope.io.TunescopeRunInfo;
import dev.tunescope.io.TunescopeRunWriter;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.RunStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains one run and writes it, step by step, in Tunescope's own format, so that the readers, the diagnosis and
 * the app see it while it trains.
 *
 * <p>Every step logs the train loss, the global gradient norm before clipping, the learning rate, whether the
 * update was clipped, and examples per second; every {@code evalEvery} steps the eval loss; every
 * {@code histogramEvery} steps a histogram of all gradient values. A NaN or infinite train loss ends the run as
 * {@code diverged} (that step is logged first). Cancellation is checked between steps. A record that cannot be
 * written (a full disk) ends the run as {@code failed}, with the reason in {@code run.json} where that can still
 * be written, and the error is thrown on.
 */
public final class TrainingLoop {
    static final int HISTOGRAM_BUCKETS = 30;

    private TrainingLoop() {
    }

    public static TrainingResult run(TrainingRequest request, Path runDir, TrainingListener listener,
                                     Cancellation cancellation) throws IOException {
        Device device = Devices.preferred();
        Engine.getInstance().setRandomSeed((int) request.seed());
        Map<String, Object> workload = new LinkedHashMap<>(request.workload().describe());
        TunescopeRunInfo info = TunescopeRunInfo.started(request.name(), Instant.now(), Devices.describe(device),
                hyperparameters(request), workload);
        try (TunescopeRunWriter writer = TunescopeRunWriter.create(runDir, info);
             Model model = Model.newInstance(request.name(), device)) {
            model.setBlock(request.workload().newBlock());
            StepClock clock = new StepClock(request.schedule());
            DefaultTrainingConfig config = new DefaultTrainingConfig(request.workload().loss())
                    .optOptimizer(request.optimizer().build(clock)).optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(request.workload().inputShapes(request.batchSize()));
                TrainingResult result = steps(request, trainer, clock, writer, listener, cancellation,
                        Devices.describe(device));
                writer.status(result.status());
                return result;
            } catch (RuntimeException | Error failure) {
                if (OutOfMemory.is(failure)) {
                    writer.status(RunStatus.FAILED, new Hyperparameters(Map.of("out_of_memory",
                            new dev.tunescope.run.HyperparameterValue.Flag(true)), "run.json"));
                    throw new OutOfMemory(request.batchSize(), failure);
                }
                writer.status(RunStatus.FAILED);
                throw failure;
            } catch (IOException failure) {
                // the disk is full or gone: say so in run.json where that can still be written
                try {
                    writer.status(RunStatus.FAILED, Map.of("reason", String.valueOf(failure.getMessage())));
                } catch (IOException alsoFailed) {
                    failure.addSuppressed(alsoFailed);
                }
                throw failure;
            }
        }
    }

    private static TrainingResult steps(TrainingRequest request, Trainer trainer, StepClock clock,
                                        TunescopeRunWriter writer, TrainingListener listener,
                                        Cancellation cancellation, String device) throws IOException {
        NDManager root = trainer.getManager();
        long start = System.nanoTime();
        long examples = 0;
        double lastLoss = Double.NaN;
        double bestEval = Double.NaN;
        for (long step = 1; step <= request.maxSteps(); step++) {
            if (cancellation.isCancelled()) {
                return new TrainingResult(RunStatus.CANCELLED, step - 1, lastLoss, bestEval,
                        throughput(examples, start), device, Optional.of("cancelled before step " + step));
            }
            clock.set(step);
            long stepStart = System.nanoTime();
            Map<String, Double> metrics = new LinkedHashMap<>();
            try (NDManager scope = root.newSubManager()) {
                TrainingBatch batch = request.workload().trainBatch(scope, request.batchSize(), step);
                double loss;
                List<NDArray> gradients;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList predictions = trainer.forward(batch.data(), batch.labels());
                    NDArray lossArray = trainer.getLoss().evaluate(batch.labels(), predictions);
                    loss = lossArray.getFloat();
                    collector.backward(lossArray);
                }
                gradients = GradientNorms.gradients(trainer.getModel().getBlock().getParameters());
                double norm = GradientNorms.globalNorm(gradients);
                boolean clipped = request.clipThreshold().isPresent()
                        && GradientNorms.clip(gradients, norm, request.clipThreshold().getAsDouble());
                if (request.histogramEvery() > 0 && step % request.histogramEvery() == 0 && Double.isFinite(norm)) {
                    double[][] h = GradientNorms.histogram(gradients, HISTOGRAM_BUCKETS);
                    writer.histogram(step, "grad/values", h[0], h[1]);
                }
                lastLoss = loss;
                metrics.put("train/loss", loss);
                metrics.put("train/grad_norm", norm);
                metrics.put("lr", clock.learningRate());
                metrics.put("train/clipped", clipped ? 1.0 : 0.0);
                if (Double.isFinite(loss)) {
                    trainer.step();
                }
                examples += batch.size();
            }
            double stepSeconds = (System.nanoTime() - stepStart) / 1e9;
            metrics.put("examples_per_sec", request.batchSize() / stepSeconds);
            boolean diverged = !Double.isFinite(lastLoss);
            if (!diverged && (step % request.evalEvery() == 0 || step == request.maxSteps())) {
                double eval = evaluate(request, trainer);
                metrics.put("eval/loss", eval);
                if (Double.isFinite(eval) && !(eval >= bestEval)) {
                    bestEval = eval;
                }
            }
            writer.metrics(step, metrics);
            listener.onStep(new StepReport(step, request.maxSteps(), lastLoss, clock.learningRate(),
                    throughput(examples, start), (System.nanoTime() - start) / 1e9));
            if (diverged) {
                return new TrainingResult(RunStatus.DIVERGED, step, lastLoss, bestEval, throughput(examples, start),
                        device, Optional.of("the train loss was " + lastLoss + " at step " + step));
            }
        }
        return new TrainingResult(RunStatus.FINISHED, request.maxSteps(), lastLoss, bestEval,
                throughput(examples, start), device, Optional.empty());
    }

    /** The example-weighted mean loss over the held-out set. */
    static double evaluate(TrainingRequest request, Trainer trainer) {
        try (NDManager scope = trainer.getManager().newSubManager()) {
            double total = 0;
            long count = 0;
            for (TrainingBatch batch : request.workload().evalBatches(scope, Math.max(request.batchSize(), 256))) {
                NDList predictions = trainer.evaluate(batch.data());
                total += trainer.getLoss().evaluate(batch.labels(), predictions).getFloat() * batch.size();
                count += batch.size();
            }
            return count == 0 ? Double.NaN : total / count;
        }
    }

    private static double throughput(long examples, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return seconds > 0 ? examples / seconds : 0;
    }

    private static Hyperparameters hyperparameters(TrainingRequest request) {
        Map<String, dev.tunescope.run.HyperparameterValue> values = new LinkedHashMap<>();
        request.hyperparameters().forEach((key, value) -> values.put(key, switch (value) {
            case Boolean b -> new dev.tunescope.run.HyperparameterValue.Flag(b);
            case Number n -> new dev.tunescope.run.HyperparameterValue.Number(n.doubleValue());
            default -> new dev.tunescope.run.HyperparameterValue.Text(value.toString());
        }));
        return new Hyperparameters(values, "run.json");
    }
}
