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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.fs.SftpFileSystemAutomatic;
import org.apache.sshd.sftp.client.fs.SftpFileSystemProvider;

/**
 * Opens run folders on remote machines over SSH/SFTP, the way OpenSSH users expect: {@code ~/.ssh/config} (host
 * aliases, User, Port, IdentityFile), the usual key files (a passphrase asked for when one is encrypted), and host
 * keys checked against {@code ~/.ssh/known_hosts}: an unknown key is trusted only when the user says so (and then
 * recorded), a changed key is always refused. Nothing runs or is installed on the remote machine: the folder is read
 * through MINA SSHD's SFTP file system, so every reader works on it unchanged.
 *
 * <p>A folder's connection that drops (the host restarted, the link cut) is re-opened on the next read that needs
 * it, with {@link Backoff}; listeners of {@link #onStatus} hear of every attempt. Each folder is read over one SSH
 * session and one SFTP channel, however many runs it holds: MINA SSHD 2.20's SFTP file system sends every request,
 * from every thread, over a single channel, and opens a new one only when that one has closed.
 *
 * <p>One client serves every folder opened; {@link #close} ends their sessions.
 */
public final class SshFolders implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /**
     * With {@link #MISSED_KEEPALIVES}, a silent link is given up within a minute: what OpenSSH's ServerAliveInterval
     * 15 does with its default ServerAliveCountMax of 3. The host's answer may be a refusal (OpenSSH knows no
     * keepalive@sshd.apache.org request); any answer counts.
     */
    private static final Duration KEEPALIVE = Duration.ofSeconds(15);
    private static final int MISSED_KEEPALIVES = 3;
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final SshClient client;
    private final SftpFileSystemProvider provider;
    private final Backoff backoff;
    private final List<Consumer<ConnectionStatus>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final List<FileSystem> open = new ArrayList<>();
    /** Why the last host key was refused, in OpenSSH's words; MINA only says the key did not validate. */
    private final AtomicReference<String> refusal = new AtomicReference<>();

    /**
     * @param sshDir     where config, known_hosts and the key files are ({@code ~/.ssh})
     * @param consent    asked about a host key known_hosts does not list
     * @param passphrase asked for the passphrase of an encrypted key file
     */
    public SshFolders(Path sshDir, HostKeyConsent consent, FilePasswordProvider passphrase) {
        this(sshDir, consent, passphrase, Backoff.DEFAULT);
    }

    /** As above, re-opening dropped connections with {@code backoff}. */
    public SshFolders(Path sshDir, HostKeyConsent consent, FilePasswordProvider passphrase, Backoff backoff) {
        this(sshDir, consent, passphrase, backoff, KEEPALIVE);
    }

    /**
     * As above, sending a keepalive every {@code keepalive}: a session whose host has not answered
     * {@value #MISSED_KEEPALIVES} of them in a row is closed, and so re-opened. A link that drops without a word (a
     * laptop asleep, a Wi-Fi gone) says nothing to TCP for many minutes; a read would wait for all of them.
     */
    public SshFolders(Path sshDir, HostKeyConsent consent, FilePasswordProvider passphrase, Backoff backoff,
                      Duration keepalive) {
        this.backoff = backoff;
        client = SshClient.setUpDefaultClient();
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, keepalive);
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, MISSED_KEEPALIVES);
        client.setHostConfigEntryResolver(new ConfigFileHostEntryResolver(sshDir.resolve("config")));
        client.setServerKeyVerifier(new KnownHosts(sshDir.resolve("known_hosts"), consent));
        List<Path> keys = DEFAULT_KEYS.stream().map(sshDir::resolve).filter(Files::isRegularFile).toList();
        FileKeyPairProvider identities = new FileKeyPairProvider(keys);
        identities.setPasswordFinder(passphrase);
        client.setKeyIdentityProvider(identities);
        agentSocket().ifPresent(socket -> client.setAgentFactory(UnixSocketAgent.at(socket)));
        client.setFilePasswordProvider(passphrase);
        client.start();
        provider = new SftpFileSystemProvider(client);
    }

    /**
     * Lets password (and keyboard-interactive) authentication ask the user, for servers that accept no key offered.
     * Without it, only keys log in. Call before the first {@link #open}.
     */
    public void askPasswordsWith(PasswordPrompt prompt) {
        client.setUserInteraction(new PasswordInteraction(prompt));
    }

    /** {@code listener} hears, on the reading thread, how the connection of each folder opened stands. */
    public void onStatus(Consumer<ConnectionStatus> listener) {
        listeners.add(listener);
    }

    private void tell(ConnectionStatus status) {
        listeners.forEach(listener -> listener.accept(status));
    }

    /**
     * The agent to ask for keys first, as OpenSSH does: {@code $SSH_AUTH_SOCK}, or {@code -Dtunescope.ssh.auth-sock}
     * (which tests set); none where neither names a socket.
     */
    private static java.util.Optional<Path> agentSocket() {
        String socket = System.getProperty("tunescope.ssh.auth-sock", System.getenv().getOrDefault("SSH_AUTH_SOCK", ""));
        return socket.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(Path.of(socket));
    }

    /** The user's own {@code ~/.ssh}. */
    public static Path defaultSshDir() {
        return Path.of(System.getProperty("user.home"), ".ssh");
    }

    /**
     * Connects, authenticates and returns the remote folder as a path on an SFTP file system. A first connection
     * that fails is not retried: the address may be wrong, and the user is waiting to be told.
     */
    public Path open(SshLocation location) throws IOException {
        ReconnectingSession session = new ReconnectingSession(location, connect(location), this::connect, backoff,
                this::tell);
        FileSystem fileSystem = new SftpFileSystemAutomatic(provider, location + "#" + opened.incrementAndGet(),
                session, SftpClientFactory.instance(), null, null);
        synchronized (open) {
            open.add(fileSystem);
        }
        tell(ConnectionStatus.connected(location, 0));
        Path folder = fileSystem.getPath(location.path());
        if (!Files.isDirectory(folder)) {
            throw new IOException(location + ": no such folder on " + location.host());
        }
        return folder;
    }

    /** One connection, authenticated; a refusal by the host is an {@link SshRefusal}. */
    private ClientSession connect(SshLocation location) throws IOException {
        refusal.set(null);
        ClientSession session;
        try {
            // no port given: 0 leaves it to ~/.ssh/config's Port, else 22, for the host and a ProxyJump's hop alike
            session = client.connect(location.user().orElse(null), location.host(), location.port().orElse(0))
                    .verify(TIMEOUT).getSession();
        } catch (IOException failed) {
            String message = location + ": cannot connect (" + reason(failed) + ")";
            throw refusal.get() != null ? new SshRefusal(message, failed) : new IOException(message, failed);
        }
        try {
            session.auth().verify(TIMEOUT);
        } catch (IOException failed) {
            session.close(true);
            throw new SshRefusal(location + ": " + (refusal.get() != null ? refusal.get()
                    : "authentication failed (" + reason(failed) + "); the keys tried are ssh-agent's (where"
                    + " SSH_AUTH_SOCK names one) and the key files of ~/.ssh/config's IdentityFile and ~/.ssh/id_ed25519,"
                    + " id_ecdsa, id_rsa"), failed);
        }
        return session;
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
