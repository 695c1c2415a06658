package dev.tunescope.study.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a study's jobs are submitted: the {@code sbatch} options Tunescope passes on (partition, GPUs, time limit,
 * account, and any others verbatim), how many of the study's jobs may be in the queue at once, how often their
 * state is asked for, and where Slurm's client commands are.
 */
public record SlurmSettings(Optional<String> partition, Optional<String> gres, Optional<String> time,
                            Optional<String> account, List<String> extraArguments, int jobsAtOnce,
                            Duration poll, Optional<Path> slurmBin) {

    public SlurmSettings {
        extraArguments = List.copyOf(extraArguments);
        if (jobsAtOnce < 1) {
            throw new IllegalArgumentException("--max-running " + jobsAtOnce + ": give 1 or more");
        }
    }

    /** The {@code sbatch} options these settings ask for, before Tunescope's own. */
    List<String> sbatchOptions() {
        List<String> options = new java.util.ArrayList<>();
        partition.ifPresent(p -> options.add("--partition=" + p));
        gres.ifPresent(g -> options.add("--gres=" + g));
        time.ifPresent(t -> options.add("--time=" + t));
        account.ifPresent(a -> options.add("--account=" + a));
        options.addAll(extraArguments);
        return options;
    }
}
