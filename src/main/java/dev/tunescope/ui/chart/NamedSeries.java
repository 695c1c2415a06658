package dev.tunescope.ui.chart;

import dev.tunescope.plot.Palette;
import dev.tunescope.run.ScalarSeries;
import java.util.Objects;

/**
 * A series as a chart shows it: the name its legend and readout use (unique within a chart: the legend hides and
 * solos by it), its points (x = step) and its colour ("#rrggbb"; runs keep theirs across selections).
 */
public record NamedSeries(String name, ScalarSeries series, String color) {

    public NamedSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(color, "color");
    }

    /** A series in the palette's first colour (a chart of one series). */
    public NamedSeries(String name, ScalarSeries series) {
        this(name, series, Palette.color(0));
    }
}
