package dev.tunescope.io;

import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;

/**
 * A run on disk that is read once and then re-read as it grows. The first {@link #refresh()} reads everything;
 * each later one reads only what was appended since (a half-written record waits for the next call), or starts
 * over where a file shrank or was replaced.
 */
public interface RunSource {

    /** Where the run lives, relative to the folder the user opened. */
    String path();

    RunFormat format();

    /** Reads what is new and returns the whole run as it now stands. Never throws: problems become warnings. */
    Run refresh();
}
