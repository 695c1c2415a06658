package dev.tunescope.io;

import java.util.Optional;

/**
 * What sets one CSV logger's files apart: how its header line looks (and so which separator and step column the
 * following rows use), and which cell texts it writes for "no value". {@link CsvLogReader} does the rest the same
 * way for every such logger.
 */
interface CsvLayout {

    /** The header {@code line} is, or empty where it is a data line. Asked of every line, so a header written
     * again mid-file is noticed. */
    Optional<CsvHeader> header(String line);

    /** Whether a non-empty cell means "nothing logged here" (Keras writes {@code NA}); such cells raise no warning. */
    default boolean isMissingMarker(String cell) {
        return false;
    }
}
