package dev.tunescope.plot;

/** The kinds of value a line cannot draw but a plot must show: where a run diverged. */
public enum NonFinite {
    NAN("NaN"),
    POSITIVE_INFINITY("+Inf"),
    NEGATIVE_INFINITY("-Inf");

    private final String label;

    NonFinite(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind of a value, or null for a finite one. */
    public static NonFinite of(double value) {
        if (Double.isNaN(value)) {
            return NAN;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return null;
    }
}
