package dev.tunescope.ui.chart;

import dev.tunescope.diagnose.Text;
import dev.tunescope.plot.XAxis;
import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the crosshair reads at a step: the step of the nearest point among the shown series, then one row per
 * series with its value at its own nearest point, highest value first so that the rows are in the order the
 * curves are on screen. A pure function of the step and the series (no toolkit), so it is tested on its own.
 *
 * @param step the step of the point nearest to the cursor among all series
 * @param rows one per shown series that has points, highest value first (non-finite values last)
 */
record Readout(long step, List<Row> rows) {

    /**
     * One series' reading.
     *
     * @param value the value drawn (smoothed where the chart smooths)
     * @param raw   the logged value (equal to {@code value} without smoothing)
     * @param step  the step of this series' nearest point (may differ from the readout's)
     */
    record Row(String name, String color, double value, double raw, long step) {
    }

    Readout {
        rows = List.copyOf(rows);
    }

    /** The reading at step {@code target}, or null when no shown series has a point. */
    static Readout at(SeriesCache cache, double target, Set<String> hidden) {
        long best = Long.MIN_VALUE;
        double bestDistance = Double.POSITIVE_INFINITY;
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < cache.series.size(); s++) {
            NamedSeries named = cache.series.get(s);
            ScalarSeries series = named.series();
            int i = nearestIndex(series, target);
            if (i < 0 || hidden.contains(named.name())) {
                continue;
            }
            double distance = Math.abs(series.step(i) - target);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = series.step(i);
            }
            double value = cache.isSmoothed() ? cache.smoothed.get(s).value(i) : series.value(i);
            rows.add(new Row(named.name(), named.color(), value, series.value(i), series.step(i)));
        }
        if (rows.isEmpty()) {
            return null;
        }
        rows.sort(Comparator.comparingDouble((Row r) -> Double.isNaN(r.value()) ? Double.NEGATIVE_INFINITY
                : r.value()).reversed());
        return new Readout(best, rows);
    }

    /** A row's text: "name: value", with the raw value where smoothed and the row's step where it differs. */
    String text(Row row) {
        return text(row, XAxis.STEP);
    }

    String text(Row row, XAxis axis) {
        StringBuilder text = new StringBuilder(row.name()).append(": ").append(Text.number(row.value()));
        if (Double.compare(row.value(), row.raw()) != 0) {
            text.append(" (raw ").append(Text.number(row.raw())).append(')');
        }
        if (row.step() != step) {
            text.append(" @ ").append(xText(row.step(), axis));
        }
        return text.toString();
    }

    /** "step 1,200" then a line per row. */
    String text() {
        return text(XAxis.STEP);
    }

    /** The x (as {@code axis} reads it) then a line per row. */
    String text(XAxis axis) {
        StringBuilder text = new StringBuilder(title(axis));
        rows.forEach(row -> text.append('\n').append(text(row, axis)));
        return text.toString();
    }

    /** The first line: "step 1,200", or the time the x stands for. */
    String title(XAxis axis) {
        return axis == XAxis.STEP ? "step " + xText(step, axis) : axis.title() + " " + xText(step, axis);
    }

    static String xText(long x, XAxis axis) {
        return axis == XAxis.STEP ? String.format(Locale.ROOT, "%,d", x) : axis.format(x);
    }

    /** The index of the point whose step is nearest to {@code step} (binary search), or -1 for an empty series. */
    static int nearestIndex(ScalarSeries series, double step) {
        if (series.isEmpty()) {
            return -1;
        }
        long ceil = step >= Long.MAX_VALUE ? Long.MAX_VALUE : step <= Long.MIN_VALUE ? Long.MIN_VALUE
                : (long) Math.ceil(step);
        int after = series.indexAtOrAfter(ceil);
        if (after >= series.size()) {
            return series.size() - 1;
        }
        if (after == 0) {
            return 0;
        }
        return step - series.step(after - 1) <= series.step(after) - step ? after - 1 : after;
    }
}
