package dev.tunescope.ui.compare;

import dev.tunescope.run.Run;
import java.util.Map;

/**
 * One run of the open folder as the comparison views show it.
 *
 * @param cells    by {@link RunColumn#id()}; a column the run has no value for is absent
 * @param bestLoss the lowest eval loss, else the lowest train loss; NaN when the run has neither
 * @param unstable whether the diagnosis judged it unstable (false where it gave no verdict)
 */
public record RunRow(Run run, String study, Map<String, CellValue> cells, double bestLoss, boolean unstable) {

    public RunRow {
        cells = Map.copyOf(cells);
    }

    public CellValue cell(String column) {
        return cells.getOrDefault(column, CellValue.MISSING);
    }
}
