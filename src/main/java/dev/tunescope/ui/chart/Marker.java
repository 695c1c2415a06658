package dev.tunescope.ui.chart;

import java.util.Objects;

/** A vertical line at a step, with a label drawn beside it (for example the first unstable step). */
public record Marker(long step, String label) {

    public Marker {
        Objects.requireNonNull(label, "label");
    }
}
