package dev.tunescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without Slurm's commands, a study on Slurm stops before it submits anything, with one line saying why. */
class SlurmAbsentTest {
    @TempDir
    Path dir;

    @Test
    void noSlurmCommandsIsOneLineThatSaysWhatIsNeeded() throws Exception {
        Path noSlurm = Files.createDirectories(dir.resolve("empty-bin"));
        Path study = dir.resolve("study");
        InspectCommandTest.Result result = InspectCommandTest.execute("study", "lr-sweep", "--count", "2", "--steps",
                "5", "--out", study.toString(), "--executor", "slurm", "--slurm-bin", noSlurm.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err().strip()).doesNotContain("\n").contains("could not be run from " + noSlurm)
                .contains("--executor slurm needs Slurm's client commands (sbatch, squeue, scontrol, scancel)");
        try (var trials = Files.list(study)) {
            assertThat(trials.filter(Files::isDirectory).flatMap(SlurmAbsentTest::files))
                    .as("no job script or record was left as if a job had been submitted")
                    .noneMatch(file -> file.getFileName().toString().equals("slurm-job.json"));
        }
    }

    @Test
    void anUnknownExecutorIsAUsageError() {
        InspectCommandTest.Result result = InspectCommandTest.execute("study", "lr-sweep", "--out",
                dir.resolve("s").toString(), "--executor", "cloud");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--executor cloud: use local or slurm");
    }

    private static java.util.stream.Stream<Path> files(Path folder) {
        try {
            return Files.list(folder).toList().stream();
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
