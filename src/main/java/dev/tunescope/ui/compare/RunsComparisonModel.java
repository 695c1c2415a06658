package dev.tunescope.ui.compare;

import dev.tunescope.run.Run;
import dev.tunescope.ui.WorkspaceViewModel;
import dev.tunescope.workspace.Workspace;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the runs table and the parallel coordinates share: the table of the runs the filter passes, made again when
 * the folder or the filter changes (see {@link #rebuild()}), and the selection, which is the workspace's own
 * (selecting here selects there).
 */
public final class RunsComparisonModel {
    private final WorkspaceViewModel workspace;
    private RunsTableModel.Table all = RunsTableModel.Table.EMPTY;
    private Workspace allOf;
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

    /**
     * Selects these runs in the workspace; an empty choice leaves the selection as it was, and so does the same
     * choice in another order (sorting the table re-lists its selected rows: that selects nothing new).
     */
    public void select(List<Run> runs) {
        Set<String> chosen = new HashSet<>();
        runs.forEach(run -> chosen.add(run.path()));
        if (!runs.isEmpty() && !chosen.equals(selectedPaths())) {
            workspace.selectedRuns().setAll(runs);
        }
    }

    /** Runs {@code onChange} whenever the workspace's selection changes, whoever changed it. */
    public void onSelectionChange(Runnable onChange) {
        workspace.selectedRuns().addListener((javafx.collections.ListChangeListener<Run>) change -> onChange.run());
    }

    /**
     * The rows of every run are made once per workspace (reading each run's losses); a change of filter only picks
     * rows again, so typing in the filter of a folder of thousands of runs stays quick. The columns are those of
     * the whole folder, so they stay put while the filter is typed.
     */
    private void rebuild() {
        Workspace current = workspace.workspaceProperty().get();
        if (current != allOf) {
            all = RunsTableModel.build(current, run -> true);
            allOf = current;
        }
        table.set(all.filtered(workspace::matches));
    }
}
