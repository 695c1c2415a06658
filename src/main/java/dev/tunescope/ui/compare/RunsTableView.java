package dev.tunescope.ui.compare;

import dev.tunescope.run.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The runs table: one row per run the filter passes, one column per hyperparameter and result, sortable by any
 * column (numbers by value, missing last). Selecting rows selects the runs for the plots and panels, and runs
 * selected elsewhere are selected here.
 */
public final class RunsTableView extends TableView<RunRow> {
    private final RunsComparisonModel model;
    private boolean updatingSelection;

    public RunsTableView(RunsComparisonModel model) {
        this.model = model;
        setId("runs-table");
        setPlaceholder(new javafx.scene.control.Label("No runs to compare: open a folder (or loosen the filter)"));
        getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<RunRow>) change -> rowsChosen());
        model.tableProperty().addListener((obs, old, now) -> show(now));
        model.onSelectionChange(this::showSelection);
        show(model.tableProperty().get());
    }

    private void show(RunsTableModel.Table table) {
        Map<String, TableColumn.SortType> sorted = new java.util.LinkedHashMap<>();
        getSortOrder().forEach(column -> sorted.put(column.getId(), column.getSortType()));
        List<TableColumn<RunRow, CellValue>> columns = table.columns().stream().map(this::column).toList();
        updatingSelection = true;
        try {
            getColumns().setAll(columns);
            setItems(FXCollections.observableArrayList(table.rows()));
            // the same sort as before the folder was read again or the filter changed
            for (Map.Entry<String, TableColumn.SortType> entry : sorted.entrySet()) {
                columns.stream().filter(c -> c.getId().equals(entry.getKey())).findFirst().ifPresent(c -> {
                    c.setSortType(entry.getValue());
                    getSortOrder().add(c);
                });
            }
            sort();
        } finally {
            updatingSelection = false;
        }
        showSelection();
    }

    private TableColumn<RunRow, CellValue> column(RunColumn spec) {
        TableColumn<RunRow, CellValue> column = new TableColumn<>(spec.title());
        column.setId(spec.id());
        column.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().cell(spec.id())));
        column.setComparator((a, b) -> CellValue.compare(a, b,
                column.getSortType() == TableColumn.SortType.DESCENDING));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(CellValue value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null ? null : value.text());
                setStyle(spec.numeric() ? "-fx-alignment: CENTER-RIGHT;" : "");
            }
        });
        return column;
    }

    private void rowsChosen() {
        if (updatingSelection) {
            return;
        }
        List<Run> runs = new ArrayList<>();
        getSelectionModel().getSelectedItems().stream().filter(row -> row != null).forEach(row -> runs.add(row.run()));
        updatingSelection = true; // the workspace's change must not come back as a new selection
        try {
            model.select(runs);
        } finally {
            updatingSelection = false;
        }
    }

    /** Selects the rows of the runs the workspace has selected (a change made in the tree, a finding, a plot). */
    private void showSelection() {
        if (updatingSelection) {
            return;
        }
        Set<String> selected = model.selectedPaths();
        updatingSelection = true;
        try {
            getSelectionModel().clearSelection();
            int[] rows = java.util.stream.IntStream.range(0, getItems().size())
                    .filter(i -> selected.contains(getItems().get(i).run().path())).toArray();
            if (rows.length > 0) { // one call: selecting thousands of rows one by one is slow
                getSelectionModel().selectIndices(rows[0], java.util.Arrays.copyOfRange(rows, 1, rows.length));
                scrollTo(rows[0]);
            }
        } finally {
            updatingSelection = false;
        }
    }
}
