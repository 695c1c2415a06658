package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import dev.tunescope.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The view models on the bundled sample runs and the fixtures, without a scene (no FX toolkit needed). */
class PanelModelsTest {
    private WorkspaceViewModel workspace;

    @BeforeEach
    void open() {
        workspace = new WorkspaceViewModel(Background.direct());
        workspace.open(Path.of("sample-runs"));
    }

    @Test
    void openingAFolderListsItsStudiesAndSelectsTheFirstSweep() {
        assertThat(workspace.loadingProperty().get()).isFalse();
        assertThat(workspace.studies()).extracting(Study::path).contains("post-ln-lr-sweep", "pre-ln-lr-sweep",
                "post-ln-warmup", "post-ln-clip", "batch-probe", "post-ln-verify");
        assertThat(workspace.selectedRuns()).hasSize(7).allSatisfy(r -> assertThat(r.path()).startsWith("post-ln-lr-sweep/"));
        assertThat(workspace.diagnosisProperty().get()).isPresent();
        assertThat(workspace.statusProperty().get()).contains("runs in 6 studies");
    }

    @Test
    void theInstabilityPanelShowsLrStarAndTheUnstableRates() {
        InstabilityPanelModel panel = new InstabilityPanelModel(workspace.diagnosisProperty());
        assertThat(panel.lrStarProperty().get()).isEqualTo("0.00316");
        assertThat(panel.boundaryProperty().get()).isEqualTo("inside the searched range");
        assertThat(panel.unstable()).extracting(InstabilityPanelModel.UnstableRow::learningRate)
                .containsExactly(0.0316, 0.1);
        assertThat(panel.unstableBaseLrProperty().get()).isEqualTo("0.0316");
    }

    @Test
    void changingAThresholdChangesTheAnswerLive() {
        InstabilityPanelModel panel = new InstabilityPanelModel(workspace.diagnosisProperty());
        assertThat(panel.unstable()).hasSize(2);
        var current = workspace.settingsProperty().get();
        var i = current.instability();
        workspace.settingsProperty().set(current.withInstability(i.withPlateauGap(0.6)));
        // the top rates sit at 3.12 where lr* stands near 2.4: about a quarter of what lr* learned from 5.1, under
        // a gap of 60%, and they show no other sign, so neither is unstable any more
        assertThat(panel.unstable()).isEmpty();
        assertThat(workspace.selectedRuns()).hasSize(7);
    }

    @Test
    void selectingThePreLnRunsSwitchesToTheirDiagnosis() {
        InstabilityPanelModel panel = new InstabilityPanelModel(workspace.diagnosisProperty());
        assertThat(panel.unstable()).isNotEmpty();
        Study preLn = workspace.studies().stream().filter(s -> s.path().equals("pre-ln-lr-sweep")).findFirst()
                .orElseThrow();
        workspace.selectedRuns().setAll(preLn.runs());
        // Pre-LN holds every rate of the sweep, the ones Post-LN loses among them
        assertThat(panel.unstable()).isEmpty();
        assertThat(panel.unstableBaseLrProperty().get()).isEqualTo("-");
    }

    @Test
    void theClippingSliderMovesTheThresholdAndTheShareClipped() {
        ClippingPanelModel panel = new ClippingPanelModel(workspace.diagnosisProperty(), workspace.settingsProperty(),
                workspace::run);
        assertThat(panel.runProperty().get()).isEqualTo("post-ln-lr-sweep/lr_3.16e-03");
        assertThat(panel.clippedFractionProperty().get()).isCloseTo(0.10, within(0.005));
        double at90 = panel.thresholdProperty().get();
        panel.percentileProperty().set(50);
        assertThat(panel.thresholdProperty().get()).isLessThan(at90);
        assertThat(panel.clippedFractionProperty().get()).isCloseTo(0.5, within(0.005));
        assertThat(panel.warningProperty().get()).isEmpty();
        panel.percentileProperty().set(30);
        assertThat(panel.clippedFractionProperty().get()).isCloseTo(0.7, within(0.005));
        assertThat(panel.warningProperty().get()).contains("lower learning rate in disguise");
        assertThat(panel.readoutProperty().get()).startsWith("p30 = ");
    }

    @Test
    void theClippingPanelFindsNormsOutsideTheDiagnosedStudy() {
        ClippingPanelModel panel = new ClippingPanelModel(workspace.diagnosisProperty(), workspace.settingsProperty(),
                workspace::run);
        Study clip = workspace.studies().stream().filter(s -> s.path().equals("post-ln-clip")).findFirst().orElseThrow();
        workspace.selectedRuns().setAll(clip.runs());
        var advice = workspace.diagnosisProperty().get().orElseThrow().clipping().orElseThrow();
        // the clip study's threshold comes from the sweep's lr* run, which is not one of the clip study's trials
        assertThat(clip.runs()).extracting(Run::path).doesNotContain(advice.run());
        assertThat(panel.runProperty().get()).isEqualTo(advice.run());
        assertThat(panel.readoutProperty().get()).startsWith("p90 = ");
    }

    @Test
    void lettingGoOfTheClippingSliderReachesTheDiagnosisAndTheExport() {
        ClippingPanelModel panel = new ClippingPanelModel(workspace.diagnosisProperty(), workspace.settingsProperty(),
                workspace::run);
        panel.percentileProperty().set(75);
        panel.commit();
        assertThat(workspace.settingsProperty().get().clipping().percentile()).isEqualTo(75);
        assertThat(workspace.diagnosisProperty().get().orElseThrow().clipping().orElseThrow().percentile())
                .isEqualTo(75);
        var config = new ExportModel(workspace).config().orElseThrow();
        assertThat(config.clipThreshold().orElseThrow().percentile()).isEqualTo(75);
        assertThat(config.diagnosisSettings()).containsEntry("clip_percentile", 75.0);
    }

    @Test
    void theWarmupPanelStartsAtTheRecommendedWarmupAndDrawsItsSchedule() {
        WarmupPanelModel panel = new WarmupPanelModel(workspace.warmupDiagnosisProperty());
        // the sweep is selected; its warmup answer is the warmup study that refers to it
        assertThat(panel.verdictProperty().get()).startsWith("Warmup rescues lr 0.0316: 100 steps is the shortest");
        assertThat(panel.warmupStepsProperty().get()).isEqualTo(100);
        assertThat(panel.readoutProperty().get()).contains("33.3% of max_train_steps 300", "over the 10%",
                "becomes 400 steps");
        assertThat(panel.scheduleProperty().get().value(0)).isCloseTo(0.0316 / 100, within(1e-12));
        assertThat(panel.scheduleProperty().get().lastValue()).isEqualTo(0.0316);
        panel.warmupStepsProperty().set(10);
        assertThat(panel.readoutProperty().get()).contains("3.3% of max_train_steps", "within 5%");
        panel.warmupStepsProperty().set(20);
        assertThat(panel.readoutProperty().get()).contains("increase max_train_steps to at least 400");
    }

    @Test
    void theFilterMatchesPathsAndHyperparameters() {
        Run run = workspace.selectedRuns().get(0);
        workspace.filterProperty().set("LR_1.00E-04");
        assertThat(workspace.matches(run)).isEqualTo(run.path().contains("lr_1.00e-04"));
        workspace.filterProperty().set("adam");
        assertThat(workspace.matches(run)).isTrue();
        workspace.filterProperty().set("no-such-thing");
        assertThat(workspace.matches(run)).isFalse();
    }

    @Test
    void aRunStillBeingWrittenIsReadAgainLive(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var info = dev.tunescope.io.TunescopeRunInfo.started("live", java.time.Instant.now(), "cpu",
                dev.tunescope.run.Hyperparameters.parsed(java.util.Map.of("lr", "0.01"), "run.json"), java.util.Map.of());
        try (var writer = dev.tunescope.io.TunescopeRunWriter.create(dir.resolve("live"), info)) {
            writer.metrics(1, java.util.Map.of("train/loss", 2.0));
            WorkspaceViewModel vm = new WorkspaceViewModel(Background.direct());
            vm.open(dir);
            assertThat(vm.selectedRuns()).singleElement().satisfies(r ->
                    assertThat(r.scalar("train/loss").orElseThrow().size()).isEqualTo(1));
            writer.metrics(2, java.util.Map.of("train/loss", 1.5));
            writer.metrics(3, java.util.Map.of("train/loss", 1.2));
            vm.refreshIfLive();
            assertThat(vm.selectedRuns()).singleElement().satisfies(r ->
                    assertThat(r.scalar("train/loss").orElseThrow().size()).isEqualTo(3));
            assertThat(vm.statusProperty().get()).contains("refreshed live");
            writer.status(dev.tunescope.run.RunStatus.FINISHED);
            vm.refreshIfLive();
            writer.metrics(4, java.util.Map.of("train/loss", 1.0));
            vm.refreshIfLive(); // finished: no longer read again
            assertThat(vm.selectedRuns().get(0).scalar("train/loss").orElseThrow().size()).isEqualTo(3);
        }
    }

    @Test
    void aFolderThatCannotBeReadSaysSo() {
        WorkspaceViewModel vm = new WorkspaceViewModel(Background.direct());
        vm.open(Fixtures.resolve("no/such/folder"));
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("Could not read");
    }
}
