package dev.tunescope;

import dev.tunescope.cli.ExitCodes;
import dev.tunescope.cli.TunescopeCommand;
import dev.tunescope.io.RunCache;
import dev.tunescope.ui.AppArguments;
import dev.tunescope.ui.TunescopeApp;
import java.util.Optional;

/**
 * Entry point of {@code tunescope.jar}: with no arguments, or a folder, the desktop app; otherwise a command of
 * the command line ({@code inspect}, {@code diagnose}, {@code export}, {@code train}, {@code study}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        try {
            RunCache.share(RunCache.fromSettings());
        } catch (IllegalArgumentException badSetting) {
            System.err.println("tunescope: " + badSetting.getMessage());
            System.exit(ExitCodes.USAGE);
        }
        if (!(args.length > 0 && TunescopeCommand.isCommandName(args[0])) && AppArguments.wantsApp(args)) {
            Optional<String> cannotStart = TunescopeApp.open(args);
            if (cannotStart.isPresent()) {
                System.err.println("tunescope: " + cannotStart.get());
                System.exit(ExitCodes.ERROR);
            }
            return;
        }
        System.exit(TunescopeCommand.run(args));
    }
}
