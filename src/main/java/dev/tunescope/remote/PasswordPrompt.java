package dev.tunescope.remote;

import java.util.Optional;

/**
 * Asks the user for a password the server wants, as OpenSSH does at its {@code user@host's password:} prompt: in the
 * CLI at the terminal, in the app in a dialog. Empty when the user declines. Nothing asked is ever stored.
 */
@FunctionalInterface
public interface PasswordPrompt {
    Optional<String> ask(String question);
}
