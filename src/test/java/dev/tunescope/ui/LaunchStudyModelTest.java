package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.RunLoader;
import dev.tunescope.study.StudyKind;
import dev.tunescope.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launch dialog's model trains real (small) studies, on the calling thread in these tests. */
class LaunchStudyModelTest {
    @TempDir
    Path dir;

    private LaunchStudyModel model() {
        return new LaunchStudyModel(Background.direct());
    }

    @Test
    void anLrSweepRunsWithProgressAndALiveCurve() throws Exception {
        LaunchStudyModel model = model();
        model.prefill(dir, "", Optional.empty(), DiagnosisSettings.DEFAULTS);
        model.countProperty().set(2);
        model.stepsProperty().set(30);
        model.lrMinProperty().set(0.01);
        model.lrMaxProperty().set(0.1);
        boolean[] done = {false};
        model.start(() -> done[0] = true);
        assertThat(done[0]).isTrue();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(model.progressTextProperty().get()).isEqualTo("Done: 2 of 2 trials finished");
        assertThat(model.liveLossProperty().get().size()).isEqualTo(30);
        assertThat(RunLoader.loadAll(dir.resolve("new-study"))).hasSize(2);
    }

    @Test
    void aProbeIsPlannedFromTheOpenSweep() throws Exception {
        LaunchStudyModel model = model();
        Path root = Fixtures.resolve("tb");
        model.prefill(root, "mlp_lr_sweep", Optional.empty(), DiagnosisSettings.DEFAULTS);
        model.outputProperty().set(dir.resolve("probe"));
        model.kindProperty().set(StudyKind.INSTABILITY_PROBE);
        model.stepsProperty().set(20);
        model.start(() -> { });
        assertThat(model.progressTextProperty().get()).isEqualTo("Done: 1 of 1 trials finished");
        assertThat(Files.exists(dir.resolve("probe/probe_lr_2.00e-01/run.json"))).isTrue();
    }

    @Test
    void aStudyCanRunTheUsersOwnCommand() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3");
        LaunchStudyModel model = model();
        model.prefill(dir, "", Optional.empty(), DiagnosisSettings.DEFAULTS);
        model.countProperty().set(2);
        model.stepsProperty().set(20);
        model.lrMinProperty().set(0.01);
        model.lrMaxProperty().set(0.05);
        model.commandProperty().set("/usr/bin/python3 examples/train_example.py --lr {lr} --steps {steps} --out {out}");
        model.start(() -> { });
        assertThat(model.progressTextProperty().get()).isEqualTo("Done: 2 of 2 trials finished");
        assertThat(Files.exists(dir.resolve("new-study/lr_1.00e-02/stdout.log"))).isTrue();
    }

    @Test
    void aStudyThatNeedsASweepSaysSoWithoutOne() {
        LaunchStudyModel model = model();
        model.prefill(dir, "", Optional.empty(), DiagnosisSettings.DEFAULTS);
        model.kindProperty().set(StudyKind.WARMUP);
        model.start(() -> { });
        assertThat(model.progressTextProperty().get()).startsWith("Stopped: open a folder with an LR sweep first");
    }

    @Test
    void aStudyCancelledBetweenTrialsSaysSo() {
        java.util.List<dev.tunescope.study.TrialOutcome> one = java.util.List.of(new dev.tunescope.study.TrialOutcome(
                "lr_0.01", dev.tunescope.run.RunStatus.FINISHED, 30, false, Optional.empty()));
        assertThat(LaunchStudyModel.summary(one, 5, true)).isEqualTo("Cancelled after 1 of 5 trials (1 finished)");
        assertThat(LaunchStudyModel.summary(java.util.List.of(), 5, true)).isEqualTo("Cancelled after 0 of 5 trials");
        assertThat(LaunchStudyModel.summary(one, 1, false)).isEqualTo("Done: 1 of 1 trials finished");
        java.util.List<dev.tunescope.study.TrialOutcome> failed = java.util.List.of(one.get(0),
                new dev.tunescope.study.TrialOutcome("lr_0.1", dev.tunescope.run.RunStatus.FAILED, 3, false,
                        Optional.of("out of memory")));
        assertThat(LaunchStudyModel.summary(failed, 2, false)).isEqualTo("Ended: 2 of 2 trials ran (1 failed, 1 finished)");
    }

    @Test
    void aStudyPlannedFromTheOpenSweepTrainsAsTheSweepDid() throws Exception {
        dev.tunescope.workspace.Workspace samples = dev.tunescope.workspace.Workspace.read(Path.of("sample-runs"),
                DiagnosisSettings.DEFAULTS);
        var sweep = samples.diagnoses().stream().filter(d -> d.study().path().equals("post-ln-lr-sweep"))
                .findFirst();
        LaunchStudyModel model = model();
        model.prefill(Path.of("sample-runs"), "post-ln-lr-sweep", sweep, DiagnosisSettings.DEFAULTS);
        assertThat(model.workloadProperty().get()).isEqualTo("char-transformer-post-ln");
        assertThat(model.stepsProperty().get()).isEqualTo(300);
        assertThat(model.setUpProperty().get()).startsWith("Set-up from post-ln-lr-sweep: char-transformer-post-ln,"
                + " adam, batch 32, 300 steps, eval every 10, seed 1");
    }

    @Test
    void aVerificationRunTrainsTheRecommendedConfigBesideLrStarAndSaysWhichIsBetter() throws Exception {
        dev.tunescope.workspace.Workspace samples = dev.tunescope.workspace.Workspace.read(Path.of("sample-runs"),
                DiagnosisSettings.DEFAULTS);
        var sweep = samples.diagnoses().stream().filter(d -> d.study().path().equals("post-ln-lr-sweep"))
                .findFirst().orElseThrow();
        LaunchStudyModel model = model();
        model.prefill(Path.of("sample-runs"), "post-ln-lr-sweep", Optional.of(sweep), DiagnosisSettings.DEFAULTS);
        model.recommend(dev.tunescope.workspace.Recommendation.config(samples, sweep, "test", "sample-runs"));
        model.kindProperty().set(StudyKind.VERIFY);
        model.stepsProperty().set(12);
        model.outputProperty().set(dir.resolve("verify"));
        model.start(() -> { });
        assertThat(model.progressTextProperty().get()).startsWith("Done: 6 of 6 trials finished. recommended config ")
                .contains("(3 seeds)");
        assertThat(Files.exists(dir.resolve("verify/recommended_seed_3/run.json"))).isTrue();
        // a folder holding the verification study still opens and diagnoses
        assertThat(dev.tunescope.workspace.Workspace.read(dir, DiagnosisSettings.DEFAULTS).ownStudies()).isNotEmpty();
    }
}
