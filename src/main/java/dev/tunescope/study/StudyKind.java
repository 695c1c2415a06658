package dev.tunescope.study;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of study, with the ids {@code study.json} and the command line use and the titles people read. */
public enum StudyKind {
    LR_SWEEP("lr-sweep", "Learning-rate sweep"),
    INSTABILITY_PROBE("instability-probe", "Early-instability probe (2 x lr*)"),
    WARMUP("warmup", "Warmup study"),
    CLIP("clip", "Gradient-clipping study"),
    BATCH_PROBE("batch-probe", "Batch-size probe"),
    STEPS("steps", "Longer-runs study"),
    VERIFY("verify", "Verification run");

    private final String id;
    private final String title;

    StudyKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    /** What the kind is called on screen: "Warmup study". */
    public String title() {
        return title;
    }

    /** The kind of that id, in any case ({@code lr-sweep}, {@code LR-Sweep}). */
    public static Optional<StudyKind> fromId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id)).findFirst();
    }
}
