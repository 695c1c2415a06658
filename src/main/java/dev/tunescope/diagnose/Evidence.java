package dev.tunescope.diagnose;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a finding rests on, precise enough for the GUI to zoom to it: the runs involved, marks on their series, and
 * the numbers and thresholds used (by name, e.g. {@code "percentile" -> 90}), kept in the order of their names so
 * that the same diagnosis is written the same way every time ({@code Map.of} orders its keys afresh in each JVM).
 */
public record Evidence(List<String> runs, List<Mark> marks, Map<String, Double> numbers) {

    public static final Evidence NONE = new Evidence(List.of(), List.of(), Map.of());

    public Evidence {
        runs = List.copyOf(runs);
        marks = List.copyOf(marks);
        numbers = Collections.unmodifiableMap(new TreeMap<>(numbers));
    }
}
