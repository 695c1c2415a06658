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
     * @param peak        the measurement with the highest throughput, null when nothing was measured
     * @param failing     the index of the first step that does not scale perfectly, -1 when every step does
     */
    static List<Finding> all(ThroughputCurve curve, ThroughputPoint recommended, ThroughputPoint peak, int failing,
                             double tolerance, OptionalInt outOfMemory, StudyContext context,
                             BatchSizeAdvisor.Settings settings) {
        List<Finding> findings = new ArrayList<>();
        if (!curve.duplicated().isEmpty()) {
            findings.add(info(sizes(curve.duplicated()) + " measured more than once; each keeps the median of its"
                    + " runs, and their range as its spread (" + curve.points().stream().filter(p -> p.repeats() > 1)
                    .map(p -> p.batchSize() + ": " + Text.number(p.examplesPerSecond()) + " examples/s +/- "
                            + Text.percent(p.spread() / 2)).collect(Collectors.joining(", ")) + ").", Map.of()));
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
        findings.add(recommendation(curve, recommended, peak, tolerance, outOfMemory, settings));
        if (failing >= 0) {
            findings.add(scalingStop(curve, curve.doublings().get(failing), context, settings));
        }
        findings.add(info("Changing the batch size means retuning the learning rate, momentum and regularization. "
                + "Gradient accumulation gives no throughput: do not use it to reach a larger batch.", Map.of()));
        return findings;
    }

    private static Finding recommendation(ThroughputCurve curve, ThroughputPoint recommended, ThroughputPoint peak,
                                          double tolerance, OptionalInt outOfMemory,
                                          BatchSizeAdvisor.Settings settings) {
        String at = Text.number(recommended.examplesPerSecond()) + " examples/s, "
                + Text.number(recommended.secondsPerStep()) + " s per step";
        int n = recommended.batchSize();
        String table = curve.points().stream().map(p -> p.batchSize() + ": " + Text.number(p.examplesPerSecond()))
                .collect(Collectors.joining(", "));
        String perDoubling = curve.doublings().stream().map(d -> d.fromBatch() + "->" + d.toBatch() + " "
                + Text.number(d.speedup()) + "x (" + Text.percent(d.efficiency()) + ")").collect(Collectors.joining(", "));
        String message;
        if (curve.points().size() == 1) {
            message = "Only batch size " + n + " was measured (" + at + "): use it, and measure " + 2L * n
                    + " to see whether throughput still grows.";
        } else {
            boolean largest = n == curve.points().get(curve.points().size() - 1).batchSize();
            message = "Use batch size " + n + " (" + at + "): the smallest size within " + Text.percent(tolerance)
                    + " of the highest throughput (" + Text.number(peak.examplesPerSecond()) + " examples/s at batch "
                    + peak.batchSize() + "); larger batches cost memory and retuning for no more examples per second."
                    + " Examples/s by batch size: " + table + "; per doubling: " + perDoubling + "."
                    + (largest && outOfMemory.isEmpty() ? " Throughput still grows at the largest size measured: keep"
                    + " doubling until out of memory." : "");
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("recommended_batch_size", (double) n);
        numbers.put("examples_per_second", recommended.examplesPerSecond());
        numbers.put("seconds_per_step", recommended.secondsPerStep());
        numbers.put("peak_batch_size", (double) peak.batchSize());
        numbers.put("peak_examples_per_second", peak.examplesPerSecond());
        numbers.put("peak_tolerance", tolerance);
        numbers.put("scaling_efficiency", settings.scalingEfficiency());
        outOfMemory.ifPresent(oom -> numbers.put("out_of_memory_batch_size", (double) oom));
        return info(message, numbers);
    }

    /** Where perfect scaling stopped, and the cause that fits the device. */
    private static Finding scalingStop(ThroughputCurve curve, Doubling step, StudyContext context,
                                       BatchSizeAdvisor.Settings settings) {
        String cause = context.onCpu() ? "the probe ran on a CPU, whose cores are busy at small batches already, so"
                + " throughput grows slowly past this size: that is the device's limit, not I/O"
                : context.onGpu() ? "the GPU is saturated from here, or the input pipeline or synchronisation holds"
                + " it back (check GPU utilisation: low utilisation points at the input pipeline)"
                : "the device saturates from here, or something else (I/O, synchronisation) holds it back";
        String message = "Perfect scaling stops at batch " + step.fromBatch() + ": going to " + step.toBatch()
                + " gave " + Text.number(step.speedup()) + "x the throughput, " + Text.percent(step.efficiency())
                + " of the ideal " + Text.number(step.batchRatio()) + "x (perfect scaling needs "
                + Text.percent(settings.scalingEfficiency()) + "); " + cause + ".";
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("from_batch", (double) step.fromBatch());
        numbers.put("to_batch", (double) step.toBatch());
        numbers.put("speedup", step.speedup());
        numbers.put("efficiency", step.efficiency());
        numbers.put("scaling_efficiency", settings.scalingEfficiency());
        numbers.put("largest_feasible_batch_size", (double) curve.points().get(curve.points().size() - 1).batchSize());
        return new Finding(BatchSizeAdvisor.RULE, Severity.INFO, message, new Evidence(List.of(), List.of(), numbers));
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
