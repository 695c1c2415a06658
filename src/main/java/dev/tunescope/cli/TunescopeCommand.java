package dev.tunescope.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The {@code tunescope} command and its subcommands. Given only a folder, it is meant to open the desktop app on
 * it; until the desktop app exists it prints what {@code inspect} prints and says so.
 */
@Command(name = "tunescope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Opens neural-network training runs and applies the tuning playbook to them.",
        subcommands = {InspectCommand.class, DiagnoseCommand.class, ExportCommand.class, TrainCommand.class,
                StudyCommand.class, CommandLine.HelpCommand.class})
public final class TunescopeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "PATH", description = "A folder of runs to open.")
    Path path;

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
        if (path == null) {
            cli.usage(cli.getOut());
            return ExitCodes.OK;
        }
        cli.getErr().println("The desktop app is not part of this build yet; listing the runs under " + path
                + " instead (same as 'tunescope inspect').");
        cli.getErr().flush();
        return cli.getSubcommands().get("inspect").execute(path.toString());
    }
}
