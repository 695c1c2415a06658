package dev.tunescope.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Run;
import dev.tunescope.ui.Background;
import dev.tunescope.ui.WorkspaceViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The runs table and the parallel coordinates under Monocle, on the bundled sample runs. */
@ExtendWith(ApplicationExtension.class)
class CompareViewsTest {
    private WorkspaceViewModel workspace;

    @Start
    void start(Stage stage) {
        workspace = new WorkspaceViewModel(Background.direct());
        stage.setScene(new Scene(CompareTabs.below(new Label("plots"), workspace), 1000, 800));
        stage.show();
        workspace.open(Path.of("sample-runs"));
    }

    @SuppressWarnings("unchecked")
    private static TableView<RunRow> table(FxRobot robot) {
        return robot.lookup("#runs-table").queryAs(TableView.class);
    }

    private static List<String> column(TableView<RunRow> table, String id) {
        return table.getItems().stream().map(r -> r.cell(id).text()).toList();
    }

    private static void sortBy(FxRobot robot, TableView<RunRow> table, String id, TableColumn.SortType type) {
        robot.interact(() -> {
            TableColumn<RunRow, ?> column = table.getColumns().stream().filter(c -> c.getId().equals(id))
                    .findFirst().orElseThrow();
            column.setSortType(type);
            table.getSortOrder().setAll(column);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTableSortsNumericColumnsByValueWithMissingValuesLast(FxRobot robot) {
        robot.interact(() -> workspace.filterProperty().set("batch-probe"));
        TableView<RunRow> table = table(robot);
        String batch = RunsTableModel.hyperparameterColumn("batch_size");
        sortBy(robot, table, batch, TableColumn.SortType.ASCENDING);
        assertThat(column(table, batch)).containsExactly("8", "16", "32", "64", "128", "256", "512");
        sortBy(robot, table, batch, TableColumn.SortType.DESCENDING);
        assertThat(column(table, batch)).containsExactly("512", "256", "128", "64", "32", "16", "8");

        robot.interact(() -> workspace.filterProperty().set(""));
        String clip = RunsTableModel.hyperparameterColumn("clip");
        for (TableColumn.SortType type : TableColumn.SortType.values()) {
            sortBy(robot, table, clip, type);
            List<String> clips = column(table, clip);
            assertThat(clips.subList(0, 4)).as(type.toString()).allMatch(text -> !text.isEmpty());
            assertThat(clips.get(clips.size() - 1)).as(type.toString()).isEmpty();
        }
    }

    @Test
    void clickingAColumnHeaderSortsByValue(FxRobot robot) {
        robot.interact(() -> workspace.filterProperty().set("pre-ln-lr-sweep"));
        TableView<RunRow> table = table(robot);
        String lr = RunsTableModel.hyperparameterColumn("lr");
        javafx.scene.Node header = robot.lookup(".column-header").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h
                        && h.getTableColumn() != null && lr.equals(h.getTableColumn().getId()))
                .findFirst().orElseThrow();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column(table, lr)).containsExactly("0.0001", "0.000316", "0.001", "0.00316", "0.01", "0.0316",
                "0.1");
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(column(table, lr).get(0)).isEqualTo("0.1");
    }

    @Test
    void selectingRowsSelectsRunsAndRunsSelectedElsewhereSelectRows(FxRobot robot) {
        TableView<RunRow> table = table(robot);
        robot.interact(() -> {
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(0, 1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workspace.selectedRuns()).extracting(Run::path)
                .containsExactly(table.getItems().get(0).run().path(), table.getItems().get(1).run().path());

        Run elsewhere = table.getItems().get(5).run();
        robot.interact(() -> workspace.selectedRuns().setAll(elsewhere));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSelectionModel().getSelectedItems()).extracting(r -> r.run().path())
                .containsExactly(elsewhere.path());
    }

    @Test
    void clickingALineInTheParallelCoordinatesSelectsItsRun(FxRobot robot) {
        robot.interact(() -> {
            workspace.filterProperty().set("post-ln-lr-sweep");
            robot.lookup("#compare-tabs").queryAs(TabPane.class).getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ParallelCoordinatesView view = robot.lookup("#parallel-coordinates-pane")
                .queryAs(ParallelCoordinatesView.class);
        Canvas canvas = robot.lookup("#parallel-coordinates").queryAs(Canvas.class);
        ParallelLayout layout = view.plotLayout();
        assertThat(layout.plot().rows()).hasSize(7);
        assertThat(layout.plot().axes()).extracting(ParallelAxis::title).containsExactly("lr", "best loss");
        int target = 3;
        RunRow row = layout.plot().rows().get(target);
        ParallelLayout.Point a = layout.line(row).get(0);
        ParallelLayout.Point b = layout.line(row).get(1);
        Point2D onLine = new Point2D(a.x() + (b.x() - a.x()) * 0.1, a.y() + (b.y() - a.y()) * 0.1);
        assertThat(layout.hit(onLine.getX(), onLine.getY())).hasValue(target);

        robot.moveTo(canvas.localToScreen(onLine));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#parallel-hover").queryAs(Label.class).getText())
                .startsWith("post-ln-lr-sweep / " + row.run().name()).contains("lr ", "best loss ");
        robot.clickOn(canvas.localToScreen(onLine));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workspace.selectedRuns()).extracting(Run::path).containsExactly(row.run().path());
    }

    @Test
    void theLegendSaysHowUnstableTrialsAreDrawn(FxRobot robot) {
        assertThat(robot.lookup("#parallel-legend").queryAs(Label.class).getText()).contains("Red dashed: unstable");
    }
}
