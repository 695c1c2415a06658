package dev.tunescope.plot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A colour per run that does not change while the folder is open: keyed by run path, the next {@link Palette}
 * colour given in order of first appearance. Assigning by position in the current selection made the same run
 * blue in one selection and pink in the next, so comparing two selections meant re-learning the legend.
 * Thread-safe: series are prepared off the FX thread.
 */
public final class RunColors {
    private final Map<String, Integer> indices = new LinkedHashMap<>();

    /** The colour of {@code runPath}, assigning the next one if the run has none yet. */
    public synchronized String colorOf(String runPath) {
        return Palette.color(indexOf(runPath));
    }

    /** The palette index of {@code runPath}, assigning the next one if the run has none yet. */
    public synchronized int indexOf(String runPath) {
        return indices.computeIfAbsent(runPath, path -> indices.size());
    }

    /** Forgets every assignment (a new folder was opened). */
    public synchronized void clear() {
        indices.clear();
    }
}
