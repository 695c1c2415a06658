package dev.tunescope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tunescope} command and its subcommands. */
@Command(name = "tunescope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Opens neural-network training runs and applies the tuning playbook to them.",
        subcommands = {InspectCommand.class, CommandLine.HelpCommand.class})
public final class TunescopeCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    public static CommandLine newCommandLine() {
        return new CommandLine(new TunescopeCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
