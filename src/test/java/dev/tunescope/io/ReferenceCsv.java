package dev.tunescope.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive reader of well-formed Lightning {@code metrics.csv} bytes (one header, plain comma
 * splitting, Python's {@code nan}/{@code inf} spellings), written separately from the real reader so that tests
 * compare it with something that shares none of its code. Only complete lines count, as the real reader promises.
 */
final class ReferenceCsv {
    private ReferenceCsv() {
    }

    /** Per metric column: the steps and values of its non-empty cells, in file order. */
    record Column(List<Long> steps, List<Double> values) {
    }

    static Map<String, Column> completeLinesOf(byte[] bytes, int length) {
        int end = length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        Map<String, Column> columns = new LinkedHashMap<>();
        String[] header = null;
        for (String line : text.split("\r?\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = cells;
                continue;
            }
            long step = Long.parseLong(cells[indexOf(header, "step")]);
            for (int i = 0; i < header.length; i++) {
                if (!header[i].equals("step") && !header[i].equals("epoch") && !cells[i].isEmpty()) {
                    Column column = columns.computeIfAbsent(header[i],
                            name -> new Column(new ArrayList<>(), new ArrayList<>()));
                    column.steps().add(step);
                    column.values().add(python(cells[i]));
                }
            }
        }
        return columns;
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + name);
    }

    private static double python(String cell) {
        return switch (cell) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(cell);
        };
    }
}
