package dev.tunescope.diagnose;

import java.util.Locale;

/** How much a finding matters to the person reading it. */
public enum Severity {
    /** A result: lr*, a recommended value. */
    INFO,
    /** Something to act on: a boundary, a warmup to try, a run length to change. */
    ADVICE,
    /** Something wrong: an unstable trial, clipping that is a lower learning rate in disguise. */
    WARNING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
