package dev.tunescope.diagnose;

import java.util.Locale;

/**
 * The ways a trial's loss "goes up during training" (RULES.md §1), most serious first: when a trial shows several,
 * the first of them in this order names it.
 */
public enum InstabilityKind {
    /** A train or eval loss value is NaN or infinite. */
    DIVERGENCE("diverged to NaN/Inf"),
    /** A finite train loss far above where the run started. */
    EXPLOSION("blew up"),
    /** The smoothed train loss rose well above its best and stayed there. */
    SUSTAINED_RISE("rose and stayed up"),
    /** The train loss stopped improving far above what the study's reference trial reaches at the same step. */
    PLATEAU("collapsed to a plateau"),
    /** The train loss jumped up early in training, then came back. */
    EARLY_JUMP("jumped up early"),
    /** A train loss far outside the noise of the steps just before it, that came back. */
    SPIKE("spiked");

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
