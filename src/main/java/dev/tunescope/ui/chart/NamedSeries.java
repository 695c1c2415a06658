package dev.tunescope.ui.chart;

import dev.tunescope.run.ScalarSeries;
import java.util.Objects;

/** A series as a chart shows it: the name its legend and readout use, and its points (x = step). */
public record NamedSeries(String name, ScalarSeries series) {

    public NamedSeries {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(series, "series");
    }
}
