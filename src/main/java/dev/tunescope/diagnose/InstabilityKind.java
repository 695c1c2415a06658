package dev.tunescope.diagnose;

import java.util.Locale;

/** The ways a trial's loss "goes up during training" (RULES.md §1). */
public enum InstabilityKind {
    /** A train or eval loss value is NaN or infinite. */
    DIVERGENCE("diverged to NaN/Inf"),
    /** A finite train loss far above where the run started. */
    EXPLOSION("blew up"),
    /** A train loss far outside the noise of the steps just before it. */
    SPIKE("spiked"),
    /** The smoothed train loss rose well above its best and stayed there. */
    SUSTAINED_RISE("rose and stayed up"),
    /** The train loss settled far above what smaller learning rates reach. */
    PLATEAU("collapsed to a plateau");

    private final String phrase;

    InstabilityKind(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
