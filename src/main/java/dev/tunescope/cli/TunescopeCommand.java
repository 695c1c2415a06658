package dev.tunescope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tunescope} command and its subcommands (a bare folder opens the desktop app instead: see Main). */
@Command(name = "tunescope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Opens neural-network training runs and applies the tuning playbook to them.",
        subcommands = {InspectCommand.class, DiagnoseCommand.class, ExportCommand.class, TrainCommand.class,
                StudyCommand.class, CommandLine.HelpCommand.class})
public final class TunescopeCommand implements Callable<Integer> {

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
    public Integer call() {
        CommandLine cli = spec.commandLine();
        cli.usage(cli.getOut());
        return ExitCodes.OK;
    }
}
