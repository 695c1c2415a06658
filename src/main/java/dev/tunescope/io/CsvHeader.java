package dev.tunescope.io;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The column layout a CSV log's data lines follow, as its last header line set it.
 *
 * @param separator        the field separator this header was written with
 * @param columns          column names, stripped of surrounding blanks
 * @param stepIndex        the column holding each row's step (Lightning's {@code step}, Keras' {@code epoch})
 * @param nonMetricColumns names that index rows rather than measure something, so they are not reported as tags
 */
record CsvHeader(char separator, List<String> columns, int stepIndex, Set<String> nonMetricColumns) {

    CsvHeader {
        columns = List.copyOf(columns);
        nonMetricColumns = Set.copyOf(nonMetricColumns);
    }

    /** The header these cells make, or empty where none of them is named {@code stepColumn}. */
    static Optional<CsvHeader> of(List<String> cells, char separator, String stepColumn,
                                  Set<String> nonMetricColumns) {
        List<String> names = cells.stream().map(String::strip).toList();
        int step = names.indexOf(stepColumn);
        return step < 0 ? Optional.empty() : Optional.of(new CsvHeader(separator, names, step, nonMetricColumns));
    }

    int size() {
        return columns.size();
    }

    /** Whether column {@code index} is a metric: not the step, not an index column, and named. */
    boolean isMetric(int index) {
        String name = columns.get(index);
        return index != stepIndex && !nonMetricColumns.contains(name) && !name.isEmpty();
    }

    /** True when a column has no name, so its cells cannot be reported under any tag. */
    boolean hasUnnamedColumn() {
        return columns.stream().anyMatch(String::isEmpty);
    }
}
