package dev.tunescope.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * Opens run folders on remote machines over SSH/SFTP, the way OpenSSH users expect: {@code ~/.ssh/config} (host
 * aliases, User, Port, IdentityFile), the usual key files (a passphrase asked for when one is encrypted), and host
 * keys checked against {@code ~/.ssh/known_hosts}: an unknown key is trusted only when the user says so (and then
 * recorded), a changed key is always refused. Nothing runs or is installed on the remote machine: the folder is read
 * through MINA SSHD's SFTP file system, so every reader works on it unchanged.
 *
 * <p>One client serves every folder opened; {@link #close} ends their sessions.
 */
public final class SshFolders implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final SshClient client;
    private final List<FileSystem> open = new ArrayList<>();
    /** Why the last host key was refused, in OpenSSH's words; MINA only says the key did not validate. */
    private final AtomicReference<String> refusal = new AtomicReference<>();

    /**
     * @param sshDir     where config, known_hosts and the key files are ({@code ~/.ssh})
     * @param consent    asked about a host key known_hosts does not list
     * @param passphrase asked for the passphrase of an encrypted key file
     */
    public SshFolders(Path sshDir, HostKeyConsent consent, FilePasswordProvider passphrase) {
        client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(new ConfigFileHostEntryResolver(sshDir.resolve("config")));
        client.setServerKeyVerifier(new KnownHosts(sshDir.resolve("known_hosts"), consent));
        List<Path> keys = DEFAULT_KEYS.stream().map(sshDir::resolve).filter(Files::isRegularFile).toList();
        FileKeyPairProvider identities = new FileKeyPairProvider(keys);
        identities.setPasswordFinder(passphrase);
        client.setKeyIdentityProvider(identities);
        client.setFilePasswordProvider(passphrase);
        client.start();
    }

    /** The user's own {@code ~/.ssh}. */
    public static Path defaultSshDir() {
        return Path.of(System.getProperty("user.home"), ".ssh");
    }

    /** Connects, authenticates and returns the remote folder as a path on an SFTP file system. */
    public Path open(SshLocation location) throws IOException {
        refusal.set(null);
        ClientSession session;
        try {
            session = client.connect(location.user().orElse(null), location.host(), location.port().orElse(22))
                    .verify(TIMEOUT).getSession();
        } catch (IOException failed) {
            throw new IOException(location + ": cannot connect (" + reason(failed) + ")", failed);
        }
        try {
            session.auth().verify(TIMEOUT);
        } catch (IOException failed) {
            session.close(true);
            throw new IOException(location + ": " + (refusal.get() != null ? refusal.get()
                    : "authentication failed (" + reason(failed) + "); the key files tried are those of "
                    + "~/.ssh/config's IdentityFile and ~/.ssh/id_ed25519, id_ecdsa, id_rsa"), failed);
        }
        FileSystem fileSystem = SftpClientFactory.instance().createSftpFileSystem(session);
        synchronized (open) {
            open.add(fileSystem);
        }
        Path folder = fileSystem.getPath(location.path());
        if (!Files.isDirectory(folder)) {
            throw new IOException(location + ": no such folder on " + location.host());
        }
        return folder;
    }

    private String reason(IOException failed) {
        if (refusal.get() != null) {
            return refusal.get();
        }
        Throwable cause = failed;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public void close() throws IOException {
        synchronized (open) {
            for (FileSystem fileSystem : open) {
                fileSystem.close();
            }
            open.clear();
        }
        client.stop();
    }

    /** known_hosts as OpenSSH reads it, asking about unknown keys and refusing changed ones with its warning. */
    private final class KnownHosts extends KnownHostsServerKeyVerifier {
        KnownHosts(Path file, HostKeyConsent consent) {
            super((session, remote, key) -> {
                String host = hostEntryName(remote);
                boolean accepted = consent.accept(host, KeyUtils.getKeyType(key), KeyUtils.getFingerPrint(key));
                if (!accepted) {
                    refusal.set("the host key of " + host + " (" + KeyUtils.getKeyType(key) + " "
                            + KeyUtils.getFingerPrint(key) + ") is not in known_hosts and was not accepted;"
                            + " connect once with ssh to check and record it");
                }
                return accepted;
            }, file);
        }

        @Override
        public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
                                               PublicKey expected, PublicKey actual) {
            refusal.set("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED! The " + KeyUtils.getKeyType(actual)
                    + " key sent by " + hostEntryName(remote) + " is " + KeyUtils.getFingerPrint(actual)
                    + ", known_hosts has " + KeyUtils.getFingerPrint(expected) + "; someone could be eavesdropping"
                    + " (or the host key was changed): refused; remove the old key from known_hosts if the change"
                    + " is expected");
            return false;
        }
    }

    /** {@code host} on port 22, else {@code [host]:port}, as known_hosts writes it. */
    private static String hostEntryName(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            String host = inet.getHostString();
            return inet.getPort() == 22 ? host : "[" + host + "]:" + inet.getPort();
        }
        return String.valueOf(remote);
    }
}
