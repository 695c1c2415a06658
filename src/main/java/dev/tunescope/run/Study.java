package dev.tunescope.run;

import java.util.List;
import java.util.Optional;

/**
 * A folder of runs compared together: an LR sweep, a warmup study, or simply the runs under a folder the user
 * opened.
 *
 * @param path where the study lives, relative to the folder the user opened
 * @param kind    the study kind recorded in {@code study.json} (e.g. "lr-sweep"), empty for a plain folder
 * @param basedOn the path (relative to the folder the user opened) of the sweep this study was planned from, as
 *                {@code study.json} records it; empty when it was not planned from one
 */
public record Study(String path, String name, Optional<String> kind, Optional<String> basedOn, List<Run> runs) {

    public Study {
        runs = List.copyOf(runs);
    }

    /** A folder of runs with no {@code study.json}. */
    public static Study plain(String path, String name, List<Run> runs) {
        return new Study(path, name, Optional.empty(), Optional.empty(), runs);
    }
}
