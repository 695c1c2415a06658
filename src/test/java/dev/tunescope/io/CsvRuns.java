package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Views of a {@link Run} that make test assertions short and exact. */
final class CsvRuns {
    private CsvRuns() {
    }

    static List<Long> steps(Run run, String tag) {
        ScalarSeries series = run.scalar(tag).orElseThrow(() -> new AssertionError("no tag " + tag));
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            steps.add(series.step(i));
        }
        return steps;
    }

    /** Values boxed, so that NaN equals NaN in assertions. */
    static List<Double> values(Run run, String tag) {
        ScalarSeries series = run.scalar(tag).orElseThrow(() -> new AssertionError("no tag " + tag));
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            values.add(series.value(i));
        }
        return values;
    }

    /** Every tag as in {@link ReferenceCsv}, for comparing a whole run at once. */
    static Map<String, ReferenceCsv.Column> columns(Run run) {
        Map<String, ReferenceCsv.Column> columns = new LinkedHashMap<>();
        for (String tag : run.scalars().keySet()) {
            columns.put(tag, new ReferenceCsv.Column(steps(run, tag), values(run, tag)));
        }
        return columns;
    }

    static List<String> messages(Run run) {
        return run.warnings().stream().map(ReadWarning::message).toList();
    }
}
