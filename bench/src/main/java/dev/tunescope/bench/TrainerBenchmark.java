package dev.tunescope.bench;

import ai.djl.Device;
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
import dev.tunescope.train.Cancellation;
import dev.tunescope.train.Devices;
import dev.tunescope.train.OptimizerSpec;
import dev.tunescope.train.Schedule;
import dev.tunescope.train.TrainingBatch;
import dev.tunescope.train.TrainingLoop;
import dev.tunescope.train.TrainingRequest;
import dev.tunescope.train.Workload;
import dev.tunescope.train.WorkloadCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Steps per second of Tunescope's training loop against a bare DJL loop on the same model, batch and optimizer.
 *
 * <p>The bare loop is the baseline, measured in the same run: forward, loss, backward, optimizer step, nothing
 * read back. Tunescope's loop adds what it logs every step (the loss and the global gradient norm read back, the
 * learning rate, a JSON line written and flushed), with evaluation and histograms switched off so that both do the
 * same training work. Both rates are steady-state: timed from the end of step 1 to the end of step n - 1, so
 * neither model building nor the final evaluation counts. Runs alternate, three of each, after a warm-up of each.
 *
 * <p>Usage: {@code bench/run-trainer.sh [workload] [batch] [steps]}.
 */
public final class TrainerBenchmark {

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : WorkloadCatalog.MLP;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Workload workload = WorkloadCatalog.create(name, 0);
        System.out.printf("workload %s, batch %d, %d steps, device %s%n", name, batch, steps,
                Devices.describe(Devices.preferred()));
        bare(workload, batch, 30);
        tunescope(workload, batch, 30);
        double[] bare = new double[3];
        double[] ours = new double[3];
        for (int i = 0; i < 3; i++) {
            bare[i] = bare(workload, batch, steps);
            ours[i] = tunescope(workload, batch, steps);
        }
        double b = Medians.of(bare);
        double t = Medians.of(ours);
        System.out.printf("bare DJL loop (baseline): %.1f steps/s%n", b);
        System.out.printf("Tunescope training loop: %.1f steps/s%n", t);
        System.out.printf("Tunescope / bare DJL: %.3f%n", t / b);
    }

    static double bare(Workload workload, int batch, int steps) {
        Device device = Devices.preferred();
        Engine.getInstance().setRandomSeed(1);
        try (Model model = Model.newInstance("bare", device)) {
            model.setBlock(workload.newBlock());
            DefaultTrainingConfig config = new DefaultTrainingConfig(workload.loss()).optDevices(new Device[] {device})
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(workload.inputShapes(batch));
                long start = 0;
                long end = 0;
                for (long step = 1; step <= steps; step++) {
                    try (NDManager scope = trainer.getManager().newSubManager()) {
                        TrainingBatch b = workload.trainBatch(scope, batch, step);
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDList predictions = trainer.forward(b.data(), b.labels());
                            NDArray loss = trainer.getLoss().evaluate(b.labels(), predictions);
                            collector.backward(loss);
                        }
                        trainer.step();
                    }
                    if (step == 1) {
                        start = System.nanoTime();
                    } else if (step == steps - 1) {
                        end = System.nanoTime();
                    }
                }
                return (steps - 2) / ((end - start) / 1e9);
            }
        }
    }

    static double tunescope(Workload workload, int batch, int steps) throws Exception {
        Path dir = Files.createTempDirectory("tunescope-bench");
        TrainingRequest request = new TrainingRequest("bench", workload, OptimizerSpec.adam(), Schedule.constant(1e-3),
                OptionalDouble.empty(), batch, steps, Integer.MAX_VALUE, 0, 1);
        long[] times = new long[2];
        TrainingLoop.run(request, dir.resolve("run"), report -> {
            if (report.step() == 1) {
                times[0] = System.nanoTime();
            } else if (report.step() == steps - 1) {
                times[1] = System.nanoTime();
            }
        }, new Cancellation());
        return (steps - 2) / ((times[1] - times[0]) / 1e9);
    }

}
