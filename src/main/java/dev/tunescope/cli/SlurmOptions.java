package dev.tunescope.cli;

import dev.tunescope.study.slurm.SlurmSettings;
import dev.tunescope.train.CommandLineSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** {@code study --executor slurm} and how its jobs are submitted. */
final class SlurmOptions {
    /** The options that say where and how trials run; a job's own Tunescope, which trains one trial, gets none. */
    static final Set<String> OPTION_NAMES = Set.of("--executor", "--partition", "--gres", "--time", "--account",
            "--slurm-arg", "--max-running", "--poll", "--slurm-bin", "--node-tunescope");

    @Option(names = "--executor", defaultValue = "local", paramLabel = "WHERE",
            description = "Where the trials run: local (this machine, one at a time) or slurm (one Slurm job per"
                    + " trial; see the README's scale-out section). Default: ${DEFAULT-VALUE}.")
    String executor;

    @Option(names = "--partition", paramLabel = "P", description = "slurm: the partition to submit to.")
    String partition;

    @Option(names = "--gres", paramLabel = "SPEC", description = "slurm: generic resources per job, e.g. gpu:1.")
    String gres;

    @Option(names = "--time", paramLabel = "LIMIT",
            description = "slurm: each job's time limit, as sbatch reads it (e.g. 30, 2:00:00, 1-12).")
    String time;

    @Option(names = "--account", paramLabel = "A", description = "slurm: the account to charge.")
    String account;

    @Option(names = "--slurm-arg", paramLabel = "ARG",
            description = "slurm: pass ARG to sbatch as it is; repeat for more (e.g. --slurm-arg=--mem=8G).")
    List<String> slurmArgs = List.of();

    @Option(names = "--max-running", defaultValue = "32", paramLabel = "N",
            description = "slurm: at most N of the study's jobs queued or running at once (default: ${DEFAULT-VALUE}).")
    int maxRunning;

    @Option(names = "--poll", defaultValue = "5", paramLabel = "SECONDS",
            description = "slurm: how often to ask Slurm how the jobs stand (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Option(names = "--slurm-bin", paramLabel = "DIR",
            description = "slurm: the folder of Slurm's commands (sbatch, squeue, scontrol, scancel), if not on PATH.")
    Path slurmBin;

    @Option(names = "--node-tunescope", paramLabel = "COMMAND",
            description = "slurm: how a compute node starts Tunescope, e.g. /opt/tunescope/bin/tunescope (default:"
                    + " this Tunescope's Java and class path, which the nodes must see at the same paths).")
    String nodeTunescope;

    boolean slurm() {
        return switch (executor) {
            case "local" -> false;
            case "slurm" -> true;
            default -> throw new IllegalArgumentException("--executor " + executor + ": use local or slurm");
        };
    }

    SlurmSettings settings() {
        if (!(pollSeconds > 0)) {
            throw new IllegalArgumentException("--poll " + pollSeconds + ": give a number of seconds above 0");
        }
        return new SlurmSettings(Optional.ofNullable(partition), Optional.ofNullable(gres), Optional.ofNullable(time),
                Optional.ofNullable(account), slurmArgs, maxRunning, Duration.ofMillis(Math.round(pollSeconds * 1000)),
                Optional.ofNullable(slurmBin));
    }

    /** The command that starts Tunescope on a compute node. */
    List<String> tunescopeOnTheNode() {
        if (nodeTunescope != null) {
            List<String> command = CommandLineSplitter.split(nodeTunescope);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("--node-tunescope is empty: give the command that starts Tunescope");
            }
            return command;
        }
        return thisTunescope();
    }

    /**
     * This Tunescope, for nodes that see it at the same paths: its Java and class path, or in an installed app
     * (whose runtime has no {@code java} command) the app's own launcher, which runs commands as the CLI does.
     */
    static List<String> thisTunescope() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!Files.isExecutable(java)) {
            String launcher = System.getProperty("jpackage.app-path", "");
            if (!launcher.isEmpty()) {
                return List.of(launcher);
            }
            throw new IllegalArgumentException("this Tunescope's runtime has no java command for the nodes to run:"
                    + " give --node-tunescope COMMAND (e.g. the installed tunescope launcher's path)");
        }
        return List.of(java.toString(), "-cp", System.getProperty("java.class.path"), "dev.tunescope.Main");
    }
}
