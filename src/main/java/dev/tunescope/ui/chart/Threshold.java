package dev.tunescope.ui.chart;

import java.util.Objects;

/** A horizontal line at a y value, with a label drawn at its right end. */
public record Threshold(double value, String label) {

    public Threshold {
        Objects.requireNonNull(label, "label");
    }
}
