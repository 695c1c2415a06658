package dev.tunescope.run;

import java.util.Locale;

/** Where a run stands. Formats that record no status give {@link #UNKNOWN}. */
public enum RunStatus {
    RUNNING, FINISHED, DIVERGED, FAILED, CANCELLED, UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a status id such as {@code "diverged"}; anything unrecognised is {@link #UNKNOWN}. */
    public static RunStatus fromId(String id) {
        for (RunStatus status : values()) {
            if (status.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return status;
            }
        }
        return UNKNOWN;
    }
}
