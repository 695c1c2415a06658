package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.RunLoader;
import dev.tunescope.study.StudyKind;
import dev.tunescope.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launch dialog's model runs its studies as Slurm jobs on the single-node cluster {@code .ci/slurm-up.sh}
 * starts: each job's own Tunescope must plan exactly the study the dialog planned (it refuses any other), for a
 * sweep, a study planned from an open sweep, and a batch probe. Skipped without a cluster unless
 * {@code TUNESCOPE_REQUIRE_SLURM=1}.
 */
class LaunchStudyOnSlurmTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsACluster() throws Exception {
        boolean up;
        try {
            Process sinfo = new ProcessBuilder("sinfo", "--noheader", "--format=%T").redirectErrorStream(true).start();
            String states = new String(sinfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            up = sinfo.waitFor(30, TimeUnit.SECONDS) && sinfo.exitValue() == 0
                    && states.lines().anyMatch(state -> state.matches("(idle|mixed|allocated).*"));
        } catch (java.io.IOException noSlurm) {
            up = false;
        }
        if ("1".equals(System.getenv("TUNESCOPE_REQUIRE_SLURM"))) {
            assertThat(up).as("a Slurm cluster started by .ci/slurm-up.sh").isTrue();
        }
        Assumptions.assumeTrue(up, "no Slurm cluster answers here (sinfo); .ci/slurm-up.sh starts one");
    }

    private LaunchStudyModel onSlurm(Path folder, String sweep) {
        LaunchStudyModel model = new LaunchStudyModel(Background.direct());
        model.prefill(folder, sweep, Optional.empty(), DiagnosisSettings.DEFAULTS);
        model.onSlurmProperty().set(true);
        model.slurmPoll(Duration.ofMillis(300));
        return model;
    }

    @Test
    void anLrSweepRunsAsJobsWithProgressAndTheLiveCurveOfEveryStep() throws Exception {
        LaunchStudyModel model = onSlurm(dir, "");
        model.countProperty().set(2);
        model.stepsProperty().set(30);
        model.lrMinProperty().set(0.01);
        model.lrMaxProperty().set(0.1);
        model.start(() -> { });
        assertThat(model.progressTextProperty().get()).isEqualTo("Done: 2 of 2 trials finished");
        assertThat(model.liveLossProperty().get().size()).isEqualTo(30);
        assertThat(RunLoader.loadAll(dir.resolve("new-study"))).hasSize(2);
        assertThat(recordedJobs(dir.resolve("new-study"))).isEqualTo(2);
    }

    @Test
    void aStudyPlannedFromTheOpenSweepRunsAsTheSameStudyOnTheNode() throws Exception {
        LaunchStudyModel model = onSlurm(Fixtures.resolve("tb"), "mlp_lr_sweep");
        model.outputProperty().set(dir.resolve("probe"));
        model.kindProperty().set(StudyKind.INSTABILITY_PROBE);
        model.stepsProperty().set(20);
        model.start(() -> { });
        assertThat(model.progressTextProperty().get()).isEqualTo("Done: 1 of 1 trials finished");
        assertThat(dir.resolve("probe/probe_lr_2.00e-01/run.json")).exists();
        assertThat(recordedJobs(dir.resolve("probe"))).isEqualTo(1);
    }

    @Test
    void aBatchProbeRunsOneSizeAtATimeAsTheDialogPlannedIt() throws Exception {
        LaunchStudyModel model = onSlurm(dir, "");
        model.outputProperty().set(dir.resolve("batch"));
        model.kindProperty().set(StudyKind.BATCH_PROBE);
        model.lrMinProperty().set(0.01);
        model.lrMaxProperty().set(0.04);
        model.start(() -> { });
        assertThat(model.progressTextProperty().get()).matches("Done: (\\d+) of \\1 trials finished");
        assertThat(recordedJobs(dir.resolve("batch"))).isEqualTo(RunLoader.loadAll(dir.resolve("batch")).size());
    }

    private static long recordedJobs(Path study) throws java.io.IOException {
        try (Stream<Path> trials = Files.list(study)) {
            return trials.filter(trial -> Files.isRegularFile(trial.resolve("slurm-job.json"))).count();
        }
    }
}
