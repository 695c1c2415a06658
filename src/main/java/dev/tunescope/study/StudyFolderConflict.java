package dev.tunescope.study;

import java.nio.file.Path;

/**
 * The study folder cannot take this study as it stands: its {@code study.json} is unreadable or not Tunescope's,
 * it holds a different study, or another Tunescope process is writing one of its trials. Nothing was changed; the
 * message says what was found, {@link #kind()} lets a front end add its own way out (a rerun with a restart,
 * another folder, waiting).
 */
public final class StudyFolderConflict extends IllegalStateException {
    public enum Kind {
        /** {@code study.json} is empty, truncated, not JSON, or not a study Tunescope wrote. */
        UNREADABLE,
        /** {@code study.json} holds another kind of study or another plan. */
        DIFFERENT_STUDY,
        /** A trial folder is locked by another running Tunescope. */
        TRIAL_IN_USE
    }

    private final Kind kind;
    private final Path folder;

    public StudyFolderConflict(Kind kind, Path folder, String message) {
        super(message);
        this.kind = kind;
        this.folder = folder;
    }

    public Kind kind() {
        return kind;
    }

    /** The study folder (or, for {@link Kind#TRIAL_IN_USE}, the trial folder). */
    public Path folder() {
        return folder;
    }
}
