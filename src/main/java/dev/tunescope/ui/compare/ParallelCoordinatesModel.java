package dev.tunescope.ui.compare;

import dev.tunescope.diagnose.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the parallel coordinates show, without any scene: one axis per numeric hyperparameter that varies across
 * the runs shown (a setting every run shares would be a flat line telling nothing apart), then a final best-loss
 * axis; one line per run.
 */
public final class ParallelCoordinatesModel {
    public static final String BEST_LOSS = "best loss";

    private ParallelCoordinatesModel() {
    }

    /** The plot's axes and runs. */
    public record Plot(List<ParallelAxis> axes, List<RunRow> rows) {
        public static final Plot EMPTY = new Plot(List.of(), List.of());

        public Plot {
            axes = List.copyOf(axes);
            rows = List.copyOf(rows);
        }

        /** The run's value on axis {@code index}; NaN where it has none. */
        public double value(RunRow row, int index) {
            ParallelAxis axis = axes.get(index);
            return axis.column().equals(BEST_LOSS) ? row.bestLoss() : row.cell(axis.column()).number();
        }

        public ParallelAxis lossAxis() {
            return axes.get(axes.size() - 1);
        }

        /** What hovering over a run says: its name and its value on each axis. */
        public String describe(RunRow row) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                double v = value(row, i);
                values.add(axes.get(i).title() + " " + (Double.isNaN(v) ? "-" : Text.number(v)));
            }
            return row.study() + " / " + row.run().name() + (row.unstable() ? " (unstable)" : "") + ": "
                    + values.stream().collect(Collectors.joining(", "));
        }
    }

    public static Plot plot(RunsTableModel.Table table) {
        if (table.rows().isEmpty()) {
            return Plot.EMPTY;
        }
        List<ParallelAxis> axes = new ArrayList<>();
        for (RunColumn column : table.numericHyperparameters()) {
            double[] values = table.rows().stream().mapToDouble(r -> r.cell(column.id()).number()).toArray();
            ParallelAxis axis = ParallelAxis.over(column.id(), column.title(), values);
            if (axis.hasValues() && axis.max() > axis.min()) {
                axes.add(axis);
            }
        }
        axes.add(ParallelAxis.over(BEST_LOSS, BEST_LOSS,
                table.rows().stream().mapToDouble(RunRow::bestLoss).toArray()));
        return new Plot(axes, table.rows());
    }
}
