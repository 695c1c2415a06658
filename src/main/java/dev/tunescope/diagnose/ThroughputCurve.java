package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Throughput measurements made ready for the batch-size rule: sorted by batch size, one per size (the median of
 * repeated runs of a size, with their range as its spread), and only the feasible ones (below the size that ran out
 * of memory).
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
        TreeMap<Integer, List<ThroughputPoint>> bySize = new TreeMap<>();
        measured.forEach(p -> bySize.computeIfAbsent(p.batchSize(), s -> new ArrayList<>()).add(p));
        List<ThroughputPoint> feasible = new ArrayList<>();
        List<Integer> duplicated = new ArrayList<>();
        List<Integer> infeasible = new ArrayList<>();
        bySize.forEach((size, repeats) -> {
            if (repeats.size() > 1) {
                duplicated.add(size);
            }
            if (outOfMemoryBatchSize.isPresent() && size >= outOfMemoryBatchSize.getAsInt()) {
                infeasible.add(size);
            } else {
                feasible.add(combined(size, repeats));
            }
        });
        return new ThroughputCurve(feasible, duplicated, infeasible);
    }

    /** The median of the repeats, with the larger of their range and their own spreads. */
    private static ThroughputPoint combined(int size, List<ThroughputPoint> repeats) {
        if (repeats.size() == 1) {
            return repeats.get(0);
        }
        double[] values = repeats.stream().mapToDouble(ThroughputPoint::examplesPerSecond).toArray();
        double median = RunningMedian.median(values);
        double range = (java.util.Arrays.stream(values).max().orElseThrow()
                - java.util.Arrays.stream(values).min().orElseThrow()) / median;
        double own = repeats.stream().mapToDouble(ThroughputPoint::spread).max().orElse(0);
        return new ThroughputPoint(size, median, Math.max(range, own), repeats.size());
    }

    List<Doubling> doublings() {
        List<Doubling> doublings = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            doublings.add(Doubling.between(points.get(i - 1), points.get(i)));
        }
        return doublings;
    }
}
