package dev.tunescope.study;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of study, with the ids {@code study.json} and the command line use. */
public enum StudyKind {
    LR_SWEEP("lr-sweep"),
    INSTABILITY_PROBE("instability-probe"),
    WARMUP("warmup"),
    CLIP("clip"),
    BATCH_PROBE("batch-probe"),
    STEPS("steps");

    private final String id;

    StudyKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The kind of that id, in any case ({@code lr-sweep}, {@code LR-Sweep}). */
    public static Optional<StudyKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id)).findFirst();
    }
}
