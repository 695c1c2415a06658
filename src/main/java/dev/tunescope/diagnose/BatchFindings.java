package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/** The sentences {@link BatchSizeAdvisor} says, with their evidence (RULES.md §5). */
final class BatchFindings {
    private BatchFindings() {
    }

    /**
     * @param recommended the recommended measurement, null when nothing feasible was measured
     * @param failing     the index of the first step that does not scale, -1 when every step scales
     */
    static List<Finding> all(ThroughputCurve curve, ThroughputPoint recommended, int failing,
                             OptionalInt outOfMemory, BatchSizeAdvisor.Settings settings) {
        List<Finding> findings = new ArrayList<>();
        if (!curve.duplicated().isEmpty()) {
            findings.add(info(sizes(curve.duplicated()) + " measured more than once; the best "
                    + "throughput of each is kept.", Map.of()));
        }
        if (!curve.infeasible().isEmpty()) {
            findings.add(info(sizes(curve.infeasible()) + " measured although batch "
                    + outOfMemory.getAsInt() + " runs out of memory; sizes at or above it are left out.",
                    Map.of("out_of_memory_batch_size", (double) outOfMemory.getAsInt())));
        }
        if (recommended == null) {
            findings.add(info("No throughput measured: measure examples per second at doubling batch sizes until "
                    + "out of memory.", Map.of()));
            return findings;
        }
        findings.add(recommendation(curve, recommended, failing, outOfMemory, settings));
        if (failing >= 0) {
            findings.add(bottleneck(curve, curve.doublings().get(failing), recommended, settings));
        }
        findings.add(info("Changing the batch size means retuning the learning rate, momentum and regularization. "
                + "Gradient accumulation gives no throughput: do not use it to reach a larger batch.", Map.of()));
        return findings;
    }

    private static Finding recommendation(ThroughputCurve curve, ThroughputPoint recommended, int failing,
                                          OptionalInt outOfMemory, BatchSizeAdvisor.Settings settings) {
        String at = Text.number(recommended.examplesPerSecond()) + " examples/s, "
                + Text.number(recommended.secondsPerStep()) + " s per step";
        int n = recommended.batchSize();
        String message;
        if (curve.points().size() == 1) {
            message = "Only batch size " + n + " was measured (" + at + "): use it, and measure " + 2L * n
                    + " to see whether throughput still scales.";
        } else if (failing >= 0) {
            message = "Use batch size " + n + ", the largest at which throughput still scales: " + at + ".";
        } else {
            message = "Throughput scales up to batch size " + n + ", the largest measured: use it, at " + at + "."
                    + (outOfMemory.isPresent() ? "" : " Keep doubling until out of memory to see whether it scales "
                    + "further.");
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("recommended_batch_size", (double) n);
        numbers.put("examples_per_second", recommended.examplesPerSecond());
        numbers.put("seconds_per_step", recommended.secondsPerStep());
        numbers.put("scaling_efficiency", settings.scalingEfficiency());
        outOfMemory.ifPresent(oom -> numbers.put("out_of_memory_batch_size", (double) oom));
        return info(message, numbers);
    }

    private static Finding bottleneck(ThroughputCurve curve, Doubling step, ThroughputPoint recommended,
                                      BatchSizeAdvisor.Settings settings) {
        int largest = curve.points().get(curve.points().size() - 1).batchSize();
        String message = "Going from batch " + step.fromBatch() + " to " + step.toBatch() + " gave "
                + Text.number(step.speedup()) + "x the throughput, " + Text.percent(step.efficiency())
                + " of the ideal " + Text.number(step.batchRatio()) + "x (scaling needs "
                + Text.percent(settings.scalingEfficiency()) + "): a bottleneck (I/O, synchronisation) stops scaling "
                + "before batch " + largest + ". Fix it, or stay at " + recommended.batchSize() + ".";
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("from_batch", (double) step.fromBatch());
        numbers.put("to_batch", (double) step.toBatch());
        numbers.put("speedup", step.speedup());
        numbers.put("efficiency", step.efficiency());
        numbers.put("scaling_efficiency", settings.scalingEfficiency());
        numbers.put("largest_feasible_batch_size", (double) largest);
        return new Finding(BatchSizeAdvisor.RULE, Severity.ADVICE, message, new Evidence(List.of(), List.of(),
                numbers));
    }

    private static Finding info(String message, Map<String, Double> numbers) {
        return new Finding(BatchSizeAdvisor.RULE, Severity.INFO, message, new Evidence(List.of(), List.of(), numbers));
    }

    /** {@code "Batch size 64 was"} or {@code "Batch sizes 32, 64 were"}. */
    private static String sizes(List<Integer> sizes) {
        String list = sizes.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return sizes.size() == 1 ? "Batch size " + list + " was" : "Batch sizes " + list + " were";
    }
}
