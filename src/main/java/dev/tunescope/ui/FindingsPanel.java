package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.Mark;
import dev.tunescope.diagnose.Text;
import dev.tunescope.run.Run;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Every finding of the current diagnosis, in the playbook's order (lr*, instability, warmup, clipping, run length,
 * batch size). Choosing one selects the runs it names and zooms the curves to the steps it points at.
 */
final class FindingsPanel extends VBox {
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();

    FindingsPanel(WorkspaceViewModel workspace, PlotsView plots) {
        ListView<Finding> list = new ListView<>(findings);
        list.setId("findings");
        list.setPlaceholder(new Label("No findings: open a folder with an LR sweep"));
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Finding f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText((f.severity().id().equals("warning") ? "! " : f.severity().id().equals("advice") ? "> " : "")
                        + f.message());
                setWrapText(true);
                setPrefWidth(0);
                setTooltip(new Tooltip("[" + f.rule() + "] " + f.evidence().numbers().entrySet().stream()
                        .map(e -> e.getKey() + " = " + Text.number(e.getValue())).collect(Collectors.joining(", "))));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, f) -> {
            if (f != null) {
                show(f, workspace, plots);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().add(list);
        setPadding(new Insets(4));
        workspace.diagnosisProperty().addListener((obs, old, now) ->
                findings.setAll(now.map(Diagnosis::findings).orElse(List.of())));
        findings.setAll(workspace.diagnosisProperty().get().map(Diagnosis::findings).orElse(List.of()));
    }

    private static void show(Finding f, WorkspaceViewModel workspace, PlotsView plots) {
        List<Run> runs = workspace.studies().stream().flatMap(s -> s.runs().stream())
                .filter(r -> f.evidence().runs().contains(r.path())).toList();
        if (!runs.isEmpty()) {
            workspace.selectedRuns().setAll(runs);
        }
        List<Mark> marks = f.evidence().marks();
        if (!marks.isEmpty()) {
            long from = marks.stream().mapToLong(Mark::fromStep).min().orElse(0);
            long to = marks.stream().mapToLong(Mark::toStep).max().orElse(from);
            long pad = Math.max(10, (to - from) / 5 + from / 10);
            plots.curves().zoomTo(Math.max(0, from - pad), to + pad);
        }
    }
}
