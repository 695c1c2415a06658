package dev.tunescope.cli;

/**
 * Something the user can fix (a bad value, a folder that holds something else), said in one line: the command
 * line prints the message after the command's name and exits with {@link ExitCodes#USAGE}, without a trace.
 */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message, null, false, false);
    }
}
