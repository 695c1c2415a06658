package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Throughput measurements made ready for the batch-size rule: sorted by batch size, one per size (the best, where a
 * size was measured more than once: the slower runs met some passing disturbance), and only the feasible ones
 * (below the size that ran out of memory).
 *
 * @param points     the feasible measurements, by increasing batch size
 * @param duplicated batch sizes measured more than once
 * @param infeasible batch sizes measured at or above the out-of-memory size, left out
 */
record ThroughputCurve(List<ThroughputPoint> points, List<Integer> duplicated, List<Integer> infeasible) {

    ThroughputCurve {
        points = List.copyOf(points);
        duplicated = List.copyOf(duplicated);
        infeasible = List.copyOf(infeasible);
    }

    static ThroughputCurve of(List<ThroughputPoint> measured, OptionalInt outOfMemoryBatchSize) {
        TreeMap<Integer, ThroughputPoint> best = new TreeMap<>();
        TreeSet<Integer> duplicated = new TreeSet<>();
        for (ThroughputPoint point : measured) {
            ThroughputPoint earlier = best.get(point.batchSize());
            if (earlier != null) {
                duplicated.add(point.batchSize());
            }
            if (earlier == null || point.examplesPerSecond() > earlier.examplesPerSecond()) {
                best.put(point.batchSize(), point);
            }
        }
        List<ThroughputPoint> feasible = new ArrayList<>();
        List<Integer> infeasible = new ArrayList<>();
        for (ThroughputPoint point : best.values()) {
            if (outOfMemoryBatchSize.isPresent() && point.batchSize() >= outOfMemoryBatchSize.getAsInt()) {
                infeasible.add(point.batchSize());
            } else {
                feasible.add(point);
            }
        }
        return new ThroughputCurve(feasible, List.copyOf(duplicated), infeasible);
    }

    List<Doubling> doublings() {
        List<Doubling> doublings = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            doublings.add(Doubling.between(points.get(i - 1), points.get(i)));
        }
        return doublings;
    }
}
