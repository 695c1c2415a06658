package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.Text;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.Run;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import dev.tunescope.study.StudyKind;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Every finding of the current diagnosis, in the playbook's order (lr*, instability, warmup, clipping, run length,
 * batch size). Choosing one shows its evidence: selects the runs it names, switches
 * the curves to the metric its marks are on, zooms to its steps with y fitted and marks its onsets.
 */
final class FindingsPanel extends VBox {
    private static final MetricAliases ALIASES = MetricAliases.defaults();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();

    /** @param runStudy opens the launch dialog for the study a finding proposes (see {@link ProposedStudy}) */
    FindingsPanel(WorkspaceViewModel workspace, PlotsView plots, java.util.function.Consumer<StudyKind> runStudy) {
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
        Button run = new Button("Run this study...");
        run.setId("run-proposed-study");
        run.setTooltip(new Tooltip("Opens the launch dialog for the study this finding asks for, planned from the"
                + " diagnosis on screen (with the sliders' settings)"));
        run.disableProperty().bind(list.getSelectionModel().selectedItemProperty().map(f -> ProposedStudy.of(f)
                .isEmpty()).orElse(true));
        run.setOnAction(e -> ProposedStudy.of(list.getSelectionModel().getSelectedItem()).ifPresent(runStudy));
        getChildren().addAll(list, run);
        setSpacing(4);
        setPadding(new Insets(4));
        workspace.diagnosisProperty().addListener((obs, old, now) ->
                findings.setAll(now.map(Diagnosis::findings).orElse(List.of())));
        findings.setAll(workspace.diagnosisProperty().get().map(Diagnosis::findings).orElse(List.of()));
    }

    /**
     * Shows a finding's evidence: selects the runs it names, then switches the curves to its metric, zooms to its
     * steps with y fitted to them and marks its onsets.
     */
    private static void show(Finding f, WorkspaceViewModel workspace, PlotsView plots) {
        FindingEvidence evidence = FindingEvidence.of(f, ALIASES);
        List<Run> runs = workspace.studies().stream().flatMap(s -> s.runs().stream())
                .filter(r -> evidence.runs().contains(r.path())).toList();
        if (!runs.isEmpty()) {
            workspace.selectedRuns().setAll(runs);
        }
        plots.showEvidence(evidence);
    }
}
