package dev.tunescope.cli;

import dev.tunescope.study.StudyKind;
import dev.tunescope.study.TrialExecutor;
import dev.tunescope.study.slurm.SlurmSettings;
import dev.tunescope.train.OptimizerSpec;
import dev.tunescope.train.Schedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ParseResult;

/**
 * A study the app planned from its own fields, said as the {@code tunescope study} command line that plans the same
 * study, so that a Slurm job can run one of its trials as it runs a trial of a study started from the command line
 * ({@link NodeCommand}). The job checks the plan it makes against {@code study.json}, so a command line that said
 * anything else would be refused there, not trained.
 */
public final class StudyArguments {
    /** Everything the app's launch dialog plans a study from. */
    public record Launch(StudyKind kind, Path output, Optional<String> workload, Optional<String> command,
                         OptimizerSpec optimizer, Schedule.Decay decay, int batchSize, long steps, int evalEvery,
                         int histogramEvery, long seed, double lrMin, double lrMax, int count, Optional<Path> sweep,
                         BatchProbe batchProbe, double warmupMultiplier) {
    }

    /** The batch probe's rate, sizes and steps per size. */
    public record BatchProbe(double lr, int firstBatch, int lastBatch, long steps) {
    }

    private StudyArguments() {
    }

    /** The executor that runs the launch's trials as Slurm jobs, each training as {@code here} would. */
    public static TrialExecutor onSlurm(TrialExecutor here, Launch launch, SlurmSettings settings) {
        ParseResult parsed = TunescopeCommand.newCommandLine().parseArgs(of(launch).toArray(String[]::new))
                .subcommand();
        return NodeCommand.executor(here, settings, SlurmOptions.thisTunescope(), parsed, launch.steps());
    }

    /** {@code study KIND --out DIR ...}: every training setting given, so nothing is inherited differently. */
    static List<String> of(Launch launch) {
        if (launch.kind() == StudyKind.VERIFY) {
            throw new IllegalArgumentException("a verification run is not a study of its own: it runs here only");
        }
        List<String> args = new ArrayList<>(List.of("study", launch.kind().id(), "--out", launch.output().toString()));
        if (launch.command().isPresent()) {
            args.addAll(List.of("--command", launch.command().get()));
        } else {
            args.addAll(List.of("--workload", launch.workload().orElseThrow()));
            args.addAll(optimizer(launch.optimizer()));
            args.addAll(List.of("--decay", launch.decay().name().toLowerCase(Locale.ROOT)));
        }
        long steps = launch.kind() == StudyKind.BATCH_PROBE ? launch.batchProbe().steps() : launch.steps();
        args.addAll(List.of("--batch-size", Integer.toString(launch.batchSize()), "--steps", Long.toString(steps),
                "--eval-every", Integer.toString(launch.evalEvery()), "--histogram-every",
                Integer.toString(launch.histogramEvery()), "--seed", Long.toString(launch.seed())));
        switch (launch.kind()) {
            case LR_SWEEP -> args.addAll(List.of("--lr-min", number(launch.lrMin()), "--lr-max", number(launch.lrMax()),
                    "--count", Integer.toString(launch.count())));
            case BATCH_PROBE -> args.addAll(List.of("--lr", number(launch.batchProbe().lr()), "--first-batch",
                    Integer.toString(launch.batchProbe().firstBatch()), "--last-batch",
                    Integer.toString(launch.batchProbe().lastBatch())));
            default -> args.addAll(List.of("--from", launch.sweep().orElseThrow(() -> new IllegalArgumentException(
                    launch.kind().id() + " is planned from a sweep: open one first")).toString(), "--probe-steps",
                    Long.toString(launch.steps()), "--warmup-multiplier", number(launch.warmupMultiplier()),
                    "--max-train-steps", "0"));
        }
        return args;
    }

    private static List<String> optimizer(OptimizerSpec spec) {
        List<String> args = new ArrayList<>(List.of("--optimizer", spec.kind().id()));
        switch (spec.kind()) {
            case SGD -> {
                args.addAll(List.of("--momentum", number(spec.momentum())));
                if (spec.nesterov()) {
                    args.add("--nesterov");
                }
            }
            case ADAM, ADAMW -> {
                args.addAll(List.of("--beta1", number(spec.beta1()), "--beta2", number(spec.beta2()), "--eps",
                        number(spec.epsilon())));
                if (spec.kind() == OptimizerSpec.Kind.ADAMW) {
                    args.addAll(List.of("--weight-decay", number(spec.weightDecay())));
                }
            }
        }
        return args;
    }

    /** The shortest text that reads back as the same double, so the node plans with exactly these values. */
    private static String number(double value) {
        return Double.toString(value);
    }
}
