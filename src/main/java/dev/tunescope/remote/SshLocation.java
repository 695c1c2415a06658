package dev.tunescope.remote;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A folder on a remote machine, written {@code ssh://[user@]host[:port]/path}. The host may be an alias of
 * {@code ~/.ssh/config}, which then supplies the real host name, user and port where the address leaves them out.
 *
 * @param user empty when the address names none (the config's {@code User}, else the local user name)
 * @param port empty when the address names none (the config's {@code Port}, else 22)
 * @param path absolute on the remote machine
 */
public record SshLocation(Optional<String> user, String host, Optional<Integer> port, String path) {
    public static final String SCHEME = "ssh://";

    /** Whether {@code text} is meant as a remote address rather than a local path. */
    public static boolean isRemote(String text) {
        return text.startsWith(SCHEME);
    }

    /** Parses {@code ssh://[user@]host[:port]/path}; throws IllegalArgumentException with a one-line reason. */
    public static SshLocation parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException bad) {
            throw new IllegalArgumentException(text + " is not a valid ssh:// address (" + bad.getReason() + ")");
        }
        if (!"ssh".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(text + " is not an ssh:// address: write ssh://[user@]host[:port]/path");
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
        return new SshLocation(Optional.ofNullable(uri.getUserInfo()).filter(u -> !u.isEmpty()), uri.getHost(),
                uri.getPort() < 0 ? Optional.empty() : Optional.of(uri.getPort()), path);
    }

    /** The address back, as the user would write it. */
    @Override
    public String toString() {
        return SCHEME + user.map(u -> u + "@").orElse("") + host + port.map(p -> ":" + p).orElse("") + path;
    }
}
