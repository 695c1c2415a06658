package dev.tunescope.cli;

/** Exit codes of every command. */
public final class ExitCodes {
    public static final int OK = 0;
    /** An unexpected failure: a bug or an I/O error the command could not work around. */
    public static final int ERROR = 1;
    /** Bad arguments, or a path that does not exist. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
