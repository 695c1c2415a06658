package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.export.ConfigFiles;
import dev.tunescope.run.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window under Monocle, on the bundled sample runs: what a person sees and does. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, Background.direct(), UiPreferences.inMemory());
        stage.show();
        window.open(Path.of("sample-runs"));
    }

    @Test
    void theInstabilityPanelShowsLrStarAndTheUnstableRates(FxRobot robot) {
        assertThat(robot.lookup("#lr-star").queryAs(Label.class).getText()).isEqualTo("lr* = 0.00316");
        assertThat(robot.lookup("#unstable-base-lr").queryAs(Label.class).getText())
                .isEqualTo("unstable_base_lr = 0.0316");
        ListView<?> unstable = robot.lookup("#unstable-list").queryAs(ListView.class);
        assertThat(unstable.getItems()).hasSize(2);
        assertThat(unstable.getItems().get(0).toString()).contains("0.0316");
    }

    @Test
    void choosingAnUnstableTrialZoomsThePlotToItsFirstUnstableStep(FxRobot robot) {
        ListView<?> unstable = robot.lookup("#unstable-list").queryAs(ListView.class);
        double before = window.plots().curves().visibleXRange().max() - window.plots().curves().visibleXRange().min();
        robot.interact(() -> unstable.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        double after = window.plots().curves().visibleXRange().max() - window.plots().curves().visibleXRange().min();
        assertThat(after).isLessThan(before);
    }

    @Test
    void movingTheClippingSliderChangesTheReadout(FxRobot robot) {
        Label readout = robot.lookup("#clip-readout").queryAs(Label.class);
        assertThat(readout.getText()).startsWith("p90 = ").endsWith("clips 10% of updates");
        Slider slider = robot.lookup("#clip-percentile").queryAs(Slider.class);
        robot.interact(() -> slider.setValue(40));
        assertThat(readout.getText()).startsWith("p40 = ").endsWith("clips 60% of updates");
        assertThat(robot.lookup("#clip-warning").queryAs(Label.class).getText()).contains("lower learning rate");
    }

    @Test
    void selectingRunsInTheTreePlotsThem(FxRobot robot) {
        TreeView<?> tree = robot.lookup("#run-tree").queryAs(TreeView.class);
        robot.interact(() -> {
            tree.getSelectionModel().clearSelection();
            tree.getSelectionModel().select(2); // the first run of the first study
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workspace().selectedRuns()).hasSize(1);
        Run run = window.workspace().selectedRuns().get(0);
        assertThat(window.plots().curves().getSeries()).singleElement()
                .satisfies(s -> assertThat(s.name()).contains(run.name()));
    }

    @Test
    void choosingAFindingSelectsItsRunsAndZoomsToItsEvidence(FxRobot robot) {
        ListView<?> findings = robot.lookup("#findings").queryAs(ListView.class);
        int warning = -1;
        for (int i = 0; i < findings.getItems().size(); i++) {
            if (findings.getItems().get(i).toString().contains("lr 0.1 is unstable")) {
                warning = i;
            }
        }
        assertThat(warning).isNotNegative();
        int index = warning;
        robot.interact(() -> findings.getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workspace().selectedRuns()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo("post-ln-lr-sweep/lr_1.00e-01"));
        assertThat(window.plots().curves().visibleXRange().max()).isLessThan(300);
    }

    @Test
    void theHyperparameterAxisPlotMarksLrStarAndTheUnstableTrials() {
        var points = window.plots().scatter().points();
        assertThat(points).hasSize(7);
        assertThat(points).filteredOn(p -> p.style() == dev.tunescope.export.MarkerStyle.HIGHLIGHTED).singleElement()
                .satisfies(p -> assertThat(p.x()).isEqualTo(0.00316));
        assertThat(points).filteredOn(p -> p.style() == dev.tunescope.export.MarkerStyle.DISTINCT)
                .extracting(dev.tunescope.ui.chart.ScatterCanvas.Point::x).containsExactly(0.0316, 0.1);
    }

    @Test
    void theHistogramsOfTheSelectedRunsAreShownOverTime(FxRobot robot) {
        javafx.scene.control.ComboBox<?> tags = robot.lookup(".combo-box").match(
                c -> ((javafx.scene.control.ComboBox<?>) c).getItems().contains("grad/values"))
                .queryAs(javafx.scene.control.ComboBox.class);
        assertThat(tags.getValue()).isEqualTo("grad/values");
    }

    @Test
    void theRecommendedConfigExportsAndParsesBack(@TempDir Path dir) throws Exception {
        Path file = window.export().save(dir.resolve("config.yaml"), ExportFormat.YAML);
        JsonNode config = ConfigFiles.read(Files.readString(file));
        assertThat(config.at("/learning_rate/base").asDouble()).isEqualTo(0.00316);
        assertThat(config.at("/optimizer/name").asText()).isEqualTo("adam");
        assertThat(config.at("/batch_size/value").asInt()).isPositive();
    }

    @Test
    void theChosenFormatDecidesTheFileTypeOfABareName(@TempDir Path dir) throws Exception {
        Path report = window.export().save(dir.resolve("report"), ExportFormat.HTML);
        assertThat(report.getFileName().toString()).isEqualTo("report.html");
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>");
        Path json = window.export().save(dir.resolve("config"), ExportFormat.JSON);
        assertThat(json.getFileName().toString()).isEqualTo("config.json");
        assertThat(Files.readString(json).strip()).startsWith("{");
    }

    @Test
    void aFindingThatProposesAStudyOpensTheLaunchDialogForIt(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<dev.tunescope.diagnose.Finding> findings = robot.lookup("#findings").queryAs(ListView.class);
        int clipping = findings.getItems().stream().map(dev.tunescope.diagnose.Finding::rule).toList()
                .indexOf(dev.tunescope.diagnose.ClippingAdvisor.RULE);
        assertThat(clipping).isNotNegative();
        javafx.scene.control.Button run = robot.lookup("#run-proposed-study").queryButton();
        robot.interact(() -> findings.getSelectionModel().select(clipping));
        assertThat(run.isDisabled()).isFalse();
        robot.interact(run::fire);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ComboBox<?> kind = robot.lookup("#launch-study .combo-box").match(c ->
                ((javafx.scene.control.ComboBox<?>) c).getItems().contains(dev.tunescope.study.StudyKind.CLIP))
                .queryAs(javafx.scene.control.ComboBox.class);
        assertThat(kind.getValue()).isEqualTo(dev.tunescope.study.StudyKind.CLIP);
        Label setUp = robot.lookup("#launch-set-up").queryAs(Label.class);
        assertThat(setUp.getText()).startsWith("Set-up from post-ln-lr-sweep: char-transformer-post-ln");
        robot.interact(() -> ((Stage) kind.getScene().getWindow()).close());
    }
}
