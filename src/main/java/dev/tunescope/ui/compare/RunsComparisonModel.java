package dev.tunescope.ui.compare;

import dev.tunescope.run.Run;
import dev.tunescope.ui.WorkspaceViewModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the runs table and the parallel coordinates share: the table of the runs the filter passes, made again when
 * the folder or the filter changes, and the selection, which is the workspace's own (selecting here selects there).
 */
public final class RunsComparisonModel {
    private final WorkspaceViewModel workspace;
    private final ReadOnlyObjectWrapper<RunsTableModel.Table> table =
            new ReadOnlyObjectWrapper<>(RunsTableModel.Table.EMPTY);

    public RunsComparisonModel(WorkspaceViewModel workspace) {
        this.workspace = workspace;
        workspace.workspaceProperty().addListener((obs, old, now) -> rebuild());
        workspace.filterProperty().addListener((obs, old, now) -> rebuild());
        rebuild();
    }

    public ReadOnlyObjectProperty<RunsTableModel.Table> tableProperty() {
        return table.getReadOnlyProperty();
    }

    /** The paths of the runs selected in the workspace (runs are new objects after each refresh; paths stay). */
    public Set<String> selectedPaths() {
        Set<String> paths = new HashSet<>();
        workspace.selectedRuns().forEach(run -> paths.add(run.path()));
        return paths;
    }

    /** Selects these runs in the workspace; an empty choice leaves the selection as it was. */
    public void select(List<Run> runs) {
        if (!runs.isEmpty() && !runs.equals(workspace.selectedRuns())) {
            workspace.selectedRuns().setAll(runs);
        }
    }

    /** Runs {@code onChange} whenever the workspace's selection changes, whoever changed it. */
    public void onSelectionChange(Runnable onChange) {
        workspace.selectedRuns().addListener((javafx.collections.ListChangeListener<Run>) change -> onChange.run());
    }

    private void rebuild() {
        table.set(RunsTableModel.build(workspace.workspaceProperty().get(), workspace::matches));
    }
}
