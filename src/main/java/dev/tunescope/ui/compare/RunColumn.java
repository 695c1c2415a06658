package dev.tunescope.ui.compare;

/**
 * A column of the runs table.
 *
 * @param id      the key of the column's cells in each {@link RunRow}
 * @param numeric whether every value in it is a number (its axis in the parallel coordinates, if a hyperparameter)
 */
public record RunColumn(String id, String title, Kind kind, boolean numeric) {
    public enum Kind { RUN, HYPERPARAMETER, RESULT }
}
