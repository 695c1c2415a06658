package dev.tunescope.ui;

import dev.tunescope.diagnose.Text;
import dev.tunescope.run.NaturalOrder;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFilter;
import dev.tunescope.run.Study;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The studies and runs of the open folder: a filter box above a tree (study, then its runs in natural order,
 * batch_8 before batch_16, with format, status and key hyperparameters). Selecting runs, or a whole study, selects
 * them for the plots and panels. A filter that cannot be read says why under the box.
 */
final class RunTreeView extends VBox {
    private final WorkspaceViewModel model;
    private final TreeView<Object> tree = new TreeView<>();
    private boolean updatingSelection;

    RunTreeView(WorkspaceViewModel model) {
        this.model = model;
        TextField filter = new TextField();
        filter.setId("run-filter");
        filter.setPromptText(RunFilter.HINT);
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setTooltip(new Tooltip(RunFilter.HELP));
        Label error = new Label();
        error.setId("filter-error");
        error.setWrapText(true);
        error.setStyle("-fx-text-fill: #c62828;");
        error.textProperty().bind(model.filtering().errorProperty().map(why -> why.isEmpty() ? ""
                : why + " (the last valid filter stays in force)"));
        error.visibleProperty().bind(model.filtering().errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        tree.setCellFactory(view -> new RunCell());
        tree.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<TreeItem<Object>>) change -> selectionChanged());
        VBox.setVgrow(tree, Priority.ALWAYS);
        getChildren().addAll(filter, error, tree);
        setSpacing(4);
        model.workspaceProperty().addListener((obs, old, now) -> rebuild());
        model.selectedRuns().addListener((javafx.collections.ListChangeListener<Run>) change -> showSelection());
        model.filterProperty().addListener((obs, old, now) -> rebuild());
        tree.setId("run-tree");
    }

    TreeView<Object> tree() {
        return tree;
    }

    private void rebuild() {
        TreeItem<Object> root = new TreeItem<>("root");
        for (Study study : model.studies()) {
            List<Run> shown = study.runs().stream().filter(model::matches)
                    .sorted(Comparator.comparing(Run::name, NaturalOrder.INSTANCE)).toList();
            if (shown.isEmpty()) {
                continue;
            }
            TreeItem<Object> studyItem = new TreeItem<>(study);
            studyItem.setExpanded(true);
            shown.forEach(run -> studyItem.getChildren().add(new TreeItem<>(run)));
            root.getChildren().add(studyItem);
        }
        updatingSelection = true;
        tree.setRoot(root);
        updatingSelection = false;
        showSelection();
    }

    /** Highlights the runs the model has selected (a change that came from elsewhere, e.g. opening a folder). */
    private void showSelection() {
        if (updatingSelection || tree.getRoot() == null) {
            return;
        }
        updatingSelection = true;
        tree.getSelectionModel().clearSelection();
        for (TreeItem<Object> studyItem : tree.getRoot().getChildren()) {
            for (TreeItem<Object> runItem : studyItem.getChildren()) {
                if (model.selectedRuns().contains((Run) runItem.getValue())) {
                    tree.getSelectionModel().select(runItem);
                }
            }
        }
        updatingSelection = false;
    }

    private void selectionChanged() {
        if (updatingSelection) {
            return;
        }
        updatingSelection = true; // the model's change must not come back to the tree as a new selection
        List<Run> runs = tree.getSelectionModel().getSelectedItems().stream().filter(item -> item != null)
                .flatMap(item -> item.getValue() instanceof Study study
                        ? study.runs().stream().filter(model::matches) : java.util.stream.Stream.of((Run) item.getValue()))
                .distinct().collect(Collectors.toList());
        if (!runs.isEmpty()) {
            model.selectedRuns().setAll(runs);
        }
        updatingSelection = false;
    }

    /** A study shows its kind; a run its name, format, status and learning rate, with the rest in a tooltip. */
    private static final class RunCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                return;
            }
            if (item instanceof Study study) {
                setText(study.id() + "  (" + study.kind().id() + ")  " + study.runs().size()
                        + " runs");
            } else if (item instanceof Run run) {
                String lr = run.hyperparameters().number("lr").map(v -> "  lr " + Text.number(v)).orElse("");
                setText(run.name() + lr + "  [" + run.status().id() + "]");
                setTooltip(new Tooltip(run.path() + "\nformat: " + run.format().id() + "\nhyperparameters ("
                        + run.hyperparameters().source() + "): " + run.hyperparameters().values().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().display()).collect(Collectors.joining(", "))
                        + (run.warnings().isEmpty() ? "" : "\n" + run.warnings().size() + " warning(s)")));
            }
        }
    }
}
