package dev.tunescope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.SeriesStats;
import java.util.List;
import java.util.Map;

/** Formats what {@code inspect} found, as text for people and as JSON for programs. */
final class InspectReport {
    private InspectReport() {
    }

    /**
     * {@code {"runs":[{"path","name","format","hparams":{},"scalars":{"<tag>":{"count","first_step","last_step",
     * "last","min","max","nonfinite"}},"histograms":{"<tag>":{"count"}},"warnings":[]}]}}. JSON has no NaN or
     * Infinity, so those values are written as the strings "NaN", "Infinity" and "-Infinity"; min and max are
     * over finite values and null when there are none.
     */
    static String json(List<Run> runs) throws Exception {
        ObjectNode root = JsonValues.MAPPER.createObjectNode();
        ArrayNode list = root.putArray("runs");
        for (Run run : runs) {
            ObjectNode node = list.addObject();
            node.put("path", run.path());
            node.put("name", run.name());
            node.put("format", run.format().id());
            node.put("status", run.status().id());
            ObjectNode hparams = node.putObject("hparams");
            run.hyperparameters().values().forEach((name, value) -> putHyperparameter(hparams, name, value));
            node.put("hparams_source", run.hyperparameters().source());
            ObjectNode scalars = node.putObject("scalars");
            run.scalars().forEach((tag, series) -> scalars.set(tag, scalarJson(series)));
            ObjectNode histograms = node.putObject("histograms");
            run.histograms().forEach((tag, series) -> histograms.putObject(tag).put("count", series.size()));
            ArrayNode warnings = node.putArray("warnings");
            run.warnings().forEach(w -> warnings.add(w.toString()));
        }
        return JsonValues.MAPPER.writeValueAsString(root);
    }

    private static ObjectNode scalarJson(ScalarSeries series) {
        ObjectNode node = JsonValues.MAPPER.createObjectNode();
        SeriesStats stats = series.stats();
        node.put("count", series.size());
        if (!series.isEmpty()) {
            node.put("first_step", series.firstStep());
            node.put("last_step", series.lastStep());
            JsonValues.put(node, "last", series.lastValue());
        }
        JsonValues.putOrNull(node, "min", stats.min());
        JsonValues.putOrNull(node, "max", stats.max());
        node.put("nonfinite", stats.nonFinite());
        return node;
    }

    private static void putHyperparameter(ObjectNode node, String name, HyperparameterValue value) {
        switch (value) {
            case HyperparameterValue.Number n -> JsonValues.put(node, name, n.value());
            case HyperparameterValue.Text t -> node.put(name, t.value());
            case HyperparameterValue.Flag f -> node.put(name, f.value());
        }
    }

    /** For people: every name from the files {@linkplain TerminalText#sanitise sanitised}. */
    static String text(List<Run> runs) {
        StringBuilder out = new StringBuilder();
        if (runs.isEmpty()) {
            return "No runs found.\n";
        }
        for (Run run : runs) {
            out.append(safe(run.path())).append("  [").append(run.format().id()).append(", ")
                    .append(run.status().id()).append("]\n");
            if (!run.hyperparameters().isEmpty()) {
                out.append("  hyperparameters (").append(safe(run.hyperparameters().source())).append("):");
                run.hyperparameters().values().forEach((k, v) -> out.append(' ').append(safe(k)).append('=')
                        .append(safe(v.display())));
                out.append('\n');
            }
            if (!run.scalars().isEmpty()) {
                out.append(String.format("  %-32s %8s %10s %10s %14s %14s %14s %9s%n", "scalar", "count", "first",
                        "last step", "last", "min", "max", "nonfinite"));
                for (Map.Entry<String, ScalarSeries> e : run.scalars().entrySet()) {
                    ScalarSeries s = e.getValue();
                    SeriesStats st = s.stats();
                    out.append(String.format("  %-32s %8d %10s %10s %14.6g %14.6g %14.6g %9d%n", safe(e.getKey()),
                            s.size(), s.isEmpty() ? "-" : s.firstStep(), s.isEmpty() ? "-" : s.lastStep(),
                            s.isEmpty() ? Double.NaN : s.lastValue(), st.min(), st.max(), st.nonFinite()));
                }
            }
            for (Map.Entry<String, HistogramSeries> e : run.histograms().entrySet()) {
                out.append(String.format("  histogram %-32s %d logged%n", safe(e.getKey()), e.getValue().size()));
            }
            for (ReadWarning w : run.warnings()) {
                out.append("  warning: ").append(safe(w.toString())).append('\n');
            }
            out.append('\n');
        }
        out.append(runs.size()).append(" run(s)\n");
        return out.toString();
    }

    private static String safe(String name) {
        return TerminalText.sanitise(name);
    }
}
