package dev.tunescope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The {@code tunescope} command and its subcommands. A bare folder opens the desktop app instead (see Main); its
 * arguments are declared here too, so that {@code --help} lists them and a path that is not a folder gets a
 * clear message rather than the app.
 */
@Command(name = "tunescope", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Opens neural-network training runs and applies the tuning playbook to them.",
                "With no COMMAND, opens the desktop app on PATH (default: sample-runs/); the app needs a display"
                        + " (or xvfb-run -a) and GTK 3."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done",
                "1:failed (an I/O error such as a full disk, no display for the app, or a bug: --verbose shows where)",
                "2:bad arguments, a missing path, or a folder that holds something else"})
public final class TunescopeCommand implements Callable<Integer> {
    static final String VERBOSE = "--verbose";
    /**
     * The subcommands, in the order {@code --help} lists them. They are added in code rather than through
     * {@code @Command(subcommands)} so that a start builds only the one it runs: picocli reads each command's
     * annotations by reflection, and its classes (Java 5 bytecode) cannot be kept in the JDK's start-up cache.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(InspectCommand.class, DiagnoseCommand.class,
            ExportCommand.class, TrainCommand.class, VerifyCommand.class, StudyCommand.class, CacheCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "The app: the folder of runs to open (default: sample-runs/).")
    Path path;

    @Option(names = "--dark", description = "The app: start with the dark theme.")
    boolean dark;

    @Option(names = "--light", description = "The app: start with the light theme.")
    boolean light;

    @Option(names = "--screenshots", paramLabel = "DIR",
            description = "The app: once the folder is drawn, save a PNG of each view into DIR, then exit.")
    Optional<Path> screenshots;

    @Option(names = VERBOSE, scope = CommandLine.ScopeType.INHERIT,
            description = "On a failure, print the stack trace too.")
    boolean verbose;

    /**
     * Whether {@code argument} names one of the commands ({@code study}, {@code train}, ...): then it is that
     * command, even where the working directory has a folder of the same name (a study folder named {@code study}).
     */
    public static boolean isCommandName(String argument) {
        return subcommandNamed(argument).isPresent();
    }

    private static Optional<Class<?>> subcommandNamed(String name) {
        return SUBCOMMANDS.stream().filter(command -> command.getAnnotation(Command.class).name().equals(name))
                .findFirst();
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return commandLineFor(args).execute(args);
    }

    /**
     * The command line {@link #run} executes {@code args} with: for a command other than {@code help}, that command
     * alone under {@code tunescope}, whose parsing, messages and help are those of the whole command line (its
     * tests go through here) and whose start is shorter; otherwise {@link #newCommandLine()}.
     */
    public static CommandLine commandLineFor(String... args) {
        Optional<Class<?>> named = args.length == 0 || args[0].equals("help") ? Optional.empty()
                : subcommandNamed(args[0]);
        return newCommandLine(named.map(List::<Class<?>>of).orElse(SUBCOMMANDS));
    }

    /**
     * The command line with its error handling ({@link FailureHandler}), enum values in any case, and its output
     * and error streams guarded by {@link TerminalText#filter} when it runs (also around writers a caller set).
     */
    public static CommandLine newCommandLine() {
        return newCommandLine(SUBCOMMANDS);
    }

    private static CommandLine newCommandLine(List<Class<?>> subcommands) {
        CommandLine cli = new CommandLine(new TunescopeCommand());
        // Added before the settings below, which apply to the subcommands present when they are made.
        subcommands.forEach(command -> cli.addSubcommand(command));
        FailureHandler failures = new FailureHandler();
        cli.setExecutionExceptionHandler(failures);
        cli.setParameterExceptionHandler(failures);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // the filter would show
        cli.setExecutionStrategy(parsed -> {
            CommandLine top = parsed.commandSpec().commandLine();
            top.setOut(TerminalText.filter(top.getOut()));
            top.setErr(TerminalText.filter(top.getErr()));
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                FolderArgument.closeAll(); // the sessions of ssh:// folders opened while parsing
            }
        });
        return cli;
    }

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (path != null) {
            // Main opens the app for a folder; this is reached only for something that is not one
            throw new UserError(Files.exists(path) ? path + " is not a folder; the app opens a folder of runs"
                    : "no such folder or command: " + path + " (commands: inspect, diagnose, export, train, study, cache)");
        }
        cli.usage(cli.getOut());
        return ExitCodes.OK;
    }
}
