package dev.tunescope.ui;

import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.Run;
import dev.tunescope.ui.chart.HeatmapCanvas;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Histograms over time: the chosen tag of the first selected run that logged it, the run named in the title. */
final class HistogramsTab extends VBox {
    private final WorkspaceViewModel workspace;
    private final ComboBox<String> tag = new ComboBox<>();
    private final HeatmapCanvas heatmap = new HeatmapCanvas();

    HistogramsTab(WorkspaceViewModel workspace) {
        this.workspace = workspace;
        tag.valueProperty().addListener((obs, old, now) -> show());
        heatmap.setId("histogram-heatmap");
        HBox tools = new HBox(10, new Label("Histogram"), tag);
        tools.setPadding(new Insets(4));
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        workspace.selectedRuns().addListener((ListChangeListener<Run>) change -> {
            Set<String> tags = new TreeSet<>();
            workspace.selectedRuns().forEach(r -> tags.addAll(r.histograms().keySet()));
            String chosen = tag.getValue();
            tag.getItems().setAll(tags);
            tag.setValue(chosen != null && tags.contains(chosen) ? chosen : tags.stream().findFirst().orElse(null));
            show();
        });
        getChildren().addAll(tools, heatmap);
    }

    private void show() {
        String chosen = tag.getValue();
        List<Run> runs = List.copyOf(workspace.selectedRuns());
        for (Run run : runs) {
            HistogramSeries series = chosen == null ? null : run.histograms().get(chosen);
            if (series != null) {
                long others = runs.stream().filter(r -> r != run && r.histograms().containsKey(chosen)).count();
                heatmap.show(series, run.name() + (others > 0 ? " (first of " + (others + 1)
                        + " selected runs with " + chosen + ")" : ""));
                return;
            }
        }
        heatmap.show(null, "");
    }

    HeatmapCanvas heatmap() {
        return heatmap;
    }
}
