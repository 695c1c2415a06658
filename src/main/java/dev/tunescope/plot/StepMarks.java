package dev.tunescope.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Vertical marks at steps, one per step naming everything that happens there ("lr 0.1, 0.3 unstable"), so that
 * labels of trials unstable from the same step do not pile up. Shared by the app's curves and the report's.
 *
 * @param step  where the mark is drawn
 * @param label what it says
 */
public record StepMarks(long step, String label) {

    /** One mark per distinct step of {@code names} (step to what is named there), in step order. */
    public static List<StepMarks> merge(List<Map.Entry<Long, String>> named, String prefix, String suffix) {
        Map<Long, List<String>> byStep = new TreeMap<>();
        named.forEach(e -> byStep.computeIfAbsent(e.getKey(), s -> new ArrayList<>()).add(e.getValue()));
        return byStep.entrySet().stream().map(e -> new StepMarks(e.getKey(), prefix + String.join(", ", e.getValue())
                + suffix)).toList();
    }
}
