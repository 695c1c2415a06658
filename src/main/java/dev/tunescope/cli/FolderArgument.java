package dev.tunescope.cli;

import dev.tunescope.remote.ConnectionStatus;
import dev.tunescope.remote.HostKeyConsent;
import dev.tunescope.remote.SshFolders;
import dev.tunescope.remote.SshLocation;
import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import picocli.CommandLine;

/**
 * A PATH argument: a local folder, or {@code ssh://[user@]host[:port]/path}, opened over SFTP for the length of
 * the command ({@link #closeAll}). Host keys and passphrases are asked about at the terminal; without one an unknown
 * host key is refused. {@code -Dtunescope.ssh.dir} points at another {@code ~/.ssh} (tests use it). A connection that
 * drops during the command is re-opened ({@link SshFolders}), each attempt told on standard error.
 */
public final class FolderArgument implements CommandLine.ITypeConverter<Path> {
    private static SshFolders remote;

    @Override
    public Path convert(String value) {
        if (!SshLocation.isRemote(value)) {
            return Path.of(value);
        }
        try {
            return folders().open(SshLocation.parse(value));
        } catch (IllegalArgumentException | IOException cannot) {
            throw new CommandLine.TypeConversionException(cannot.getMessage());
        }
    }

    private static synchronized SshFolders folders() {
        if (remote == null) {
            Path sshDir = Path.of(System.getProperty("tunescope.ssh.dir", SshFolders.defaultSshDir().toString()));
            Console console = System.console();
            remote = new SshFolders(sshDir, console == null ? HostKeyConsent.REFUSE : askAt(console),
                    console == null ? FilePasswordProvider.EMPTY : (session, resource, retry) -> {
                        char[] typed = console.readPassword("Passphrase for %s: ", resource.getName());
                        return typed == null ? null : new String(typed);
                    });
            if (console != null) {
                remote.askPasswordsWith(question -> java.util.Optional.ofNullable(console.readPassword("%s: ", question))
                        .map(String::new));
            }
            // a command reads once: what it prints is only worth knowing when the connection dropped under it
            remote.onStatus(status -> {
                if (status.state() != ConnectionStatus.State.CONNECTED || status.attempt() > 0) {
                    System.err.println("tunescope: " + status.describe());
                }
            });
        }
        return remote;
    }

    /** OpenSSH's question, answered with yes or no. */
    private static HostKeyConsent askAt(Console console) {
        return (host, keyType, fingerprint) -> {
            String answer = console.readLine("The authenticity of host '%s' can't be established.%n%s key fingerprint"
                    + " is %s.%nAre you sure you want to continue connecting (yes/no)? ", host, keyType, fingerprint);
            return answer != null && answer.trim().equalsIgnoreCase("yes");
        };
    }

    /** Ends the sessions of the remote folders this command opened. */
    static synchronized void closeAll() {
        if (remote != null) {
            try {
                remote.close();
            } catch (IOException ignored) {
                // the command is over; a session that does not close cleanly loses nothing
            }
            remote = null;
        }
    }
}
