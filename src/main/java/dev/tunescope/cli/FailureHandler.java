package dev.tunescope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How every command reports what went wrong, in one place: a user error (bad arguments, a {@link UserError}) is one
 * line on standard error and exit {@link ExitCodes#USAGE}; anything else is one short line and exit
 * {@link ExitCodes#ERROR}, an I/O error said as what could not be done and why ({@code could not write
 * /runs/a/run.json: No space left on device}), and the stack trace only with {@code --verbose}. Every line is
 * {@link TerminalText#sanitise sanitised}, since messages quote paths and names from files.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        FolderArgument.closeAll(); // a later argument failed: end the sessions earlier ones opened
        CommandLine command = problem.getCommandLine();
        String line = problem.getMessage();
        if (problem instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                line += "; did you mean " + String.join(" or ", suggestions) + "?";
            }
        }
        print(command, line + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        if (failure instanceof UserError) {
            print(command, failure.getMessage());
            return ExitCodes.USAGE;
        }
        boolean verbose = verbose(parsed);
        String line = describe(failure);
        print(command, verbose ? line : line + (isIo(failure) ? "" : " (--verbose shows where)"));
        if (verbose) {
            PrintWriter err = command.getErr();
            failure.printStackTrace(err);
            err.flush();
        }
        return ExitCodes.ERROR;
    }

    /** One line: what could not be done, and why, without Java's class names where the message says it all. */
    static String describe(Throwable failure) {
        Throwable cause = failure instanceof UncheckedIOException unchecked ? unchecked.getCause() : failure;
        if (cause instanceof NoSuchFileException missing) {
            return "no such file or folder: " + missing.getFile();
        }
        if (cause instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + (fs.getReason() != null ? fs.getReason() : "cannot be used ("
                    + fs.getClass().getSimpleName() + ")");
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        return "unexpected failure: " + cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static boolean isIo(Throwable failure) {
        return failure instanceof IOException || failure instanceof UncheckedIOException;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption(TunescopeCommand.VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    private static void print(CommandLine command, String line) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + TerminalText.sanitise(line));
        err.flush();
    }
}
