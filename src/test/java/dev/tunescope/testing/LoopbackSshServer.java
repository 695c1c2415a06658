package dev.tunescope.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.DirectoryHandle;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * An embedded MINA SSHD server on 127.0.0.1 serving one local folder over SFTP to the user "reader" holding a given
 * key, with a generated host key. It counts what a test needs to see over the wire (file bytes sent, SFTP channels
 * opened and open at once, sessions authenticated) and can be made to fail as a real link fails: every session
 * killed at once, or the server stopped and started again on the same port.
 */
public final class LoopbackSshServer implements AutoCloseable {
    private final Path served;
    private final KeyPair userKey;
    private final KeyPair hostKey;
    private final AtomicLong bytesSent = new AtomicLong();
    private final AtomicInteger channelsOpened = new AtomicInteger();
    private final AtomicInteger channelsOpen = new AtomicInteger();
    private final AtomicInteger mostChannelsOpen = new AtomicInteger();
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final AtomicReference<Long> killAtBytes = new AtomicReference<>();
    private final AtomicReference<String> killAtListing = new AtomicReference<>();
    private final AtomicInteger listingsLeft = new AtomicInteger();
    private final AtomicReference<String> password = new AtomicReference<>();
    private SshServer server;
    private int port;

    public LoopbackSshServer(Path served, KeyPair userKey) throws IOException, GeneralSecurityException {
        this.served = served;
        this.userKey = userKey;
        this.hostKey = ecKey();
        start(0);
    }

    private void start(int onPort) throws IOException {
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void initialized(ServerSession s, int version) {
                channelsOpened.incrementAndGet();
                mostChannelsOpen.accumulateAndGet(channelsOpen.incrementAndGet(), Math::max);
            }

            @Override
            public void destroying(ServerSession s) {
                channelsOpen.decrementAndGet();
            }

            @Override
            public void open(ServerSession s, String remoteHandle, Handle handle) {
                Path file = handle.getFile().getFileName();
                String target = killAtListing.get();
                if (handle instanceof DirectoryHandle && file != null && file.toString().equals(target)
                        && listingsLeft.decrementAndGet() == 0 && killAtListing.compareAndSet(target, null)) {
                    s.close(true); // the connection drops as a folder is being listed
                }
            }

            @Override
            public void read(ServerSession s, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                             int dataOffset, int dataLen, int readLen, Throwable thrown) {
                long sent = bytesSent.addAndGet(Math.max(0, readLen));
                Long threshold = killAtBytes.get();
                if (threshold != null && sent >= threshold && killAtBytes.compareAndSet(threshold, null)) {
                    s.close(true); // the connection drops in the middle of a file being read
                }
            }
        });
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(onPort);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, s) -> user.equals("reader")
                && KeyUtils.compareKeys(key, userKey.getPublic()));
        // "reader" may also log in with a password, once a test sets one (keyboard-interactive asks for it too)
        server.setPasswordAuthenticator((user, typed, s) -> user.equals("reader") && typed.equals(password.get()));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.Authenticated) {
                    sessionsOpened.incrementAndGet();
                }
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        // MINA's virtual file system cannot list folders under a relative root (SSH_FX_NO_SUCH_FILE)
        server.setFileSystemFactory(new VirtualFileSystemFactory(served.toAbsolutePath()));
        server.start();
        port = server.getPort();
    }

    public int port() {
        return port;
    }

    /** From now on "reader" may log in with {@code accepted} as well as with the key. */
    public void acceptPassword(String accepted) {
        password.set(accepted);
    }

    public KeyPair hostKey() {
        return hostKey;
    }

    /** File bytes the server has sent so far. */
    public long bytesSent() {
        return bytesSent.get();
    }

    /** SFTP channels (subsystems) clients have opened so far. */
    public int channelsOpened() {
        return channelsOpened.get();
    }

    /** The most SFTP channels that were open at the same time. */
    public int mostChannelsOpen() {
        return mostChannelsOpen.get();
    }

    /** Sessions that authenticated (a reconnection is one more). */
    public int sessionsOpened() {
        return sessionsOpened.get();
    }

    /** Kills the session that is reading once the server has sent {@code bytes} file bytes in all. */
    public void killWhenSent(long bytes) {
        killAtBytes.set(bytes);
    }

    /** Forgets a {@link #killWhenSent} that has not happened yet. */
    public void keepSessions() {
        killAtBytes.set(null);
    }

    /** Kills the session that lists a folder named {@code name} for the {@code nth} time from now, as it opens it. */
    public void killWhenListed(String name, int nth) {
        listingsLeft.set(nth);
        killAtListing.set(name);
    }

    /** Closes every session at once, as a server restart or a killed sshd does to its clients. */
    public void killSessions() {
        server.getActiveSessions().forEach(s -> s.close(true));
    }

    /** Stops the server: connections are refused until {@link #restart}. */
    public void stop() throws IOException {
        server.stop(true);
    }

    /** Starts the server again on the same port, with the same host key. */
    public void restart() throws IOException {
        start(port);
    }

    /**
     * A {@code ~/.ssh} under {@code home} that trusts this server: the user's key as {@code id_ecdsa}, the host key
     * in {@code known_hosts}.
     */
    public Path sshDir(Path home) throws IOException, GeneralSecurityException {
        return sshDir(home, port);
    }

    /** As {@link #sshDir(Path)}, for a client that reaches this server through {@code port} (a relay's). */
    public Path sshDir(Path home, int port) throws IOException, GeneralSecurityException {
        Path dir = Files.createDirectories(home.resolve(".ssh"));
        try (var out = Files.newOutputStream(dir.resolve("id_ecdsa"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "test", null, out);
        }
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " "
                + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
        return dir;
    }

    /** {@code ssh://reader@127.0.0.1:port/relative}. */
    public String address(String relative) {
        return "ssh://reader@127.0.0.1:" + port + "/" + relative;
    }

    public Path served() {
        return served;
    }

    public static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
