package dev.tunescope;

import dev.tunescope.cli.TunescopeCommand;

/** Entry point of {@code tunescope.jar}: the command line, or (in time) the desktop app when given no arguments. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(TunescopeCommand.run(args));
    }
}
