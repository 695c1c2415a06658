package dev.tunescope.remote;

import java.util.Optional;

/**
 * Where the connection behind a remote folder stands, for a front end to show: connected, reconnecting after a
 * drop (which attempt, and why the last one failed), or lost (the attempts gave up; the next read tries once more).
 *
 * @param attempt the attempt being made or last made since the drop; 0 while the first connection holds
 * @param problem why the connection dropped or the last attempt failed, in one line
 */
public record ConnectionStatus(SshLocation location, State state, int attempt, Optional<String> problem) {
    public enum State { CONNECTED, RECONNECTING, LOST }

    static ConnectionStatus connected(SshLocation location, int attempt) {
        return new ConnectionStatus(location, State.CONNECTED, attempt, Optional.empty());
    }

    /** One line: what a status bar says. */
    public String describe() {
        return switch (state) {
            case CONNECTED -> attempt == 0 ? "connected to " + location.host()
                    : "reconnected to " + location.host() + " (attempt " + attempt + ")";
            case RECONNECTING -> "connection to " + location.host() + " dropped; reconnecting (attempt " + attempt
                    + problem.map(p -> "; last: " + p).orElse("") + ")";
            case LOST -> problem.orElse("connection to " + location.host() + " lost");
        };
    }
}
