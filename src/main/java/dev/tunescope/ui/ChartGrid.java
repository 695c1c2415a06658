package dev.tunescope.ui;

import dev.tunescope.plot.XAxis;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import dev.tunescope.ui.chart.LineChartCanvas;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.SetChangeListener;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * The playbook's four curves side by side (train loss, eval loss, gradient norm, learning rate), for reading an
 * instability across metrics at once. They follow the main chart's legend: what is hidden or highlighted there is
 * hidden or highlighted here, and the colours are the same run colours.
 */
final class ChartGrid extends GridPane {
    private final List<LineChartCanvas> charts = new ArrayList<>();

    ChartGrid(Background background, LineChartCanvas main) {
        for (int i = 0; i < CurvesModel.ROLES.size(); i++) {
            MetricRole role = CurvesModel.ROLES.get(i);
            LineChartCanvas chart = new LineChartCanvas(background, "chart data: grid " + role);
            chart.setId("grid-" + CurvesModel.name(role).replace(' ', '-'));
            chart.legendOnCanvasProperty().set(false);
            chart.yTitleProperty().set(CurvesModel.name(role));
            chart.setLogY(role != MetricRole.LEARNING_RATE);
            chart.ignoreOutliersProperty().bind(main.ignoreOutliersProperty());
            chart.smoothingProperty().bind(main.smoothingProperty());
            chart.highlightedProperty().bind(main.highlightedProperty());
            chart.xAxisProperty().bind(main.xAxisProperty());
            chart.xTitleProperty().bind(main.xTitleProperty());
            chart.setMinSize(120, 100);
            chart.setPrefSize(320, 200);
            charts.add(chart);
            add(chart, i % 2, i / 2);
        }
        main.hidden().addListener((SetChangeListener<String>) change -> charts.forEach(chart -> {
            chart.hidden().clear();
            chart.hidden().addAll(main.hidden());
        }));
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            getColumnConstraints().add(column);
            RowConstraints row = new RowConstraints();
            row.setPercentHeight(50);
            row.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(row);
        }
    }

    /** Each chart's metric for the selected runs, in the same colours and labels as the main chart. */
    void show(CurvesModel model, List<Run> selected, List<Study> studies, XAxis x) {
        for (int i = 0; i < charts.size(); i++) {
            charts.get(i).show(model.series(selected, CurvesModel.name(CurvesModel.ROLES.get(i)), studies, x),
                    List.of(), List.of());
        }
    }

    List<LineChartCanvas> charts() {
        return charts;
    }
}
