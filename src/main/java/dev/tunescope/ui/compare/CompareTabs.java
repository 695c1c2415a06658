package dev.tunescope.ui.compare;

import dev.tunescope.ui.WorkspaceViewModel;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The centre of the main window: the plots on top, the runs table and the parallel coordinates in tabs below. */
public final class CompareTabs {
    private CompareTabs() {
    }

    /** A vertical split: {@code plots} above, the comparison tabs below, both linked to the workspace's selection. */
    public static SplitPane below(Node plots, WorkspaceViewModel workspace) {
        RunsComparisonModel model = new RunsComparisonModel(workspace);
        Tab table = new Tab("Runs table", new RunsTableView(model));
        Tab parallel = new Tab("Parallel coordinates", new ParallelCoordinatesView(model));
        TabPane tabs = new TabPane(table, parallel);
        tabs.setId("compare-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(plots, tabs);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.66);
        return split;
    }
}
