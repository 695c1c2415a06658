package dev.tunescope.cli;

import dev.tunescope.study.BuiltInExecutor;
import dev.tunescope.train.OptimizerSpec;
import dev.tunescope.train.Schedule;
import dev.tunescope.train.WorkloadCatalog;
import picocli.CommandLine.Option;

/** How to train, shared by {@code train} and {@code study}. */
public final class TrainingOptions {

    @Option(names = "--workload", defaultValue = WorkloadCatalog.MLP, paramLabel = "NAME",
            description = "Built-in workload (default: ${DEFAULT-VALUE}; see the README for the list).")
    String workload;

    @Option(names = "--optimizer", defaultValue = "sgd", paramLabel = "NAME",
            description = "sgd, adam or adamw (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--nesterov", description = "Nesterov momentum for SGD.")
    boolean nesterov;

    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--beta1", defaultValue = "0.9", description = "Adam/AdamW beta1 (default: ${DEFAULT-VALUE}).")
    double beta1;

    @Option(names = "--beta2", defaultValue = "0.999", description = "Adam/AdamW beta2 (default: ${DEFAULT-VALUE}).")
    double beta2;

    @Option(names = "--eps", defaultValue = "1e-8", description = "Adam/AdamW epsilon (default: ${DEFAULT-VALUE}).")
    double eps;

    @Option(names = "--decay", defaultValue = "constant", paramLabel = "KIND",
            description = "After warmup: constant, linear or cosine (default: ${DEFAULT-VALUE}).")
    String decay;

    @Option(names = "--batch-size", defaultValue = "64", description = "Examples per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--steps", defaultValue = "500", description = "Steps per run (default: ${DEFAULT-VALUE}).")
    long steps;

    @Option(names = "--eval-every", defaultValue = "20", description = "Evaluate every N steps (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--histogram-every", defaultValue = "100",
            description = "Log a gradient histogram every N steps, 0 for none (default: ${DEFAULT-VALUE}).")
    int histogramEvery;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the data, the initialisation and the batches.")
    long seed;

    OptimizerSpec optimizerSpec() {
        return switch (optimizer.toLowerCase(java.util.Locale.ROOT)) {
            case "sgd" -> OptimizerSpec.sgd(momentum, nesterov);
            case "adam" -> new OptimizerSpec(OptimizerSpec.Kind.ADAM, 0, false, beta1, beta2, eps, 0);
            case "adamw" -> new OptimizerSpec(OptimizerSpec.Kind.ADAMW, 0, false, beta1, beta2, eps, weightDecay);
            default -> throw new IllegalArgumentException("unknown optimizer '" + optimizer + "': use sgd, adam or adamw");
        };
    }

    Schedule.Decay decayKind() {
        try {
            return Schedule.Decay.valueOf(decay.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("unknown decay '" + decay + "': use constant, linear or cosine");
        }
    }

    BuiltInExecutor.Base base() {
        return new BuiltInExecutor.Base(WorkloadCatalog.create(workload, seed), optimizerSpec(), decayKind(),
                batchSize, steps, evalEvery, histogramEvery, seed);
    }
}
