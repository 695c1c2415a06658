package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The run tree on the bundled sample runs: natural order, and the filter language typed into its field. */
@ExtendWith(ApplicationExtension.class)
class RunTreeViewTest {
    private RunTreeView view;
    private WorkspaceViewModel model;

    @Start
    void start(Stage stage) {
        model = new WorkspaceViewModel(Background.direct());
        view = new RunTreeView(model);
        stage.setScene(new Scene(view, 500, 700));
        stage.show();
        model.open(Path.of("sample-runs"));
    }

    private List<String> runsOf(String studyPath) {
        return view.tree().getRoot().getChildren().stream()
                .filter(item -> ((Study) item.getValue()).path().equals(studyPath))
                .flatMap(item -> item.getChildren().stream()).map(TreeItem::getValue).map(r -> ((Run) r).name())
                .toList();
    }

    private List<String> shownRuns() {
        return view.tree().getRoot().getChildren().stream().flatMap(item -> item.getChildren().stream())
                .map(item -> ((Run) item.getValue()).path()).toList();
    }

    private void type(FxRobot robot, String filter) {
        TextField field = robot.lookup("#run-filter").queryAs(TextField.class);
        robot.interact(() -> field.setText(filter));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void runsAreInNaturalOrder() {
        assertThat(runsOf("batch-probe")).containsExactly("batch_8", "batch_16", "batch_32", "batch_64",
                "batch_128", "batch_256", "batch_512");
        assertThat(runsOf("post-ln-lr-sweep")).containsExactly("lr_1.00e-04", "lr_3.16e-04", "lr_1.00e-03",
                "lr_3.16e-03", "lr_1.00e-02", "lr_3.16e-02", "lr_1.00e-01");
    }

    @Test
    void filterExpressionsFilterTheTree(FxRobot robot) {
        type(robot, "lr=1e-2");
        assertThat(shownRuns()).isNotEmpty().allSatisfy(path -> assertThat(path).contains("1.00e-02"));
        assertThat(shownRuns()).contains("pre-ln-lr-sweep/lr_1.00e-02", "post-ln-lr-sweep/lr_1.00e-02");
        type(robot, "lr 0.01 pre-ln");
        assertThat(shownRuns()).containsExactly("pre-ln-lr-sweep/lr_1.00e-02");
        type(robot, "batch_size>=128");
        assertThat(shownRuns()).containsExactly("batch-probe/batch_128", "batch-probe/batch_256",
                "batch-probe/batch_512");
        type(robot, "/post-ln-lr/ unstable");
        assertThat(shownRuns()).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith("post-ln-lr-sweep/"))
                .hasSizeLessThan(7);
    }

    @Test
    void anInvalidFilterSaysWhyAndKeepsTheLastValidOne(FxRobot robot) {
        type(robot, "batch_size>=256");
        List<String> valid = shownRuns();
        type(robot, "batch_size>=abc");
        Label error = robot.lookup("#filter-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("'abc' is not a number");
        assertThat(shownRuns()).isEqualTo(valid).hasSize(2);
        type(robot, "");
        assertThat(error.isVisible()).isFalse();
        assertThat(shownRuns()).hasSizeGreaterThan(20);
    }
}
