package dev.tunescope.run;

import java.util.List;
import java.util.Optional;

/**
 * A folder of runs compared together: an LR sweep, a warmup study, or simply the runs under a folder the user
 * opened.
 *
 * @param path where the study lives, relative to the folder the user opened
 * @param kind the study kind recorded in {@code study.json} (e.g. "lr-sweep"), empty for a plain folder
 */
public record Study(String path, String name, Optional<String> kind, List<Run> runs) {

    public Study {
        runs = List.copyOf(runs);
    }
}
