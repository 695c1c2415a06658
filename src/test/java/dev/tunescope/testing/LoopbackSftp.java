package dev.tunescope.testing;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.sftp.client.SftpClientFactory;

/**
 * A {@link LoopbackSshServer} serving one local folder, with a client connected to it by key (both keys generated,
 * the host key pinned: nothing is accepted on trust). It counts the file bytes the server sent, so a test can tell
 * what a refresh moved over the wire.
 */
public final class LoopbackSftp implements AutoCloseable {
    private final LoopbackSshServer server;
    private final SshClient client;
    private final ClientSession session;
    private final FileSystem fileSystem;

    /** Serves {@code served} to the user "reader" with a generated key. */
    public LoopbackSftp(Path served) throws IOException, GeneralSecurityException {
        this(served, ecKey());
    }

    /** Serves {@code served} to the user "reader" holding {@code userKey}. */
    public LoopbackSftp(Path served, KeyPair userKey) throws IOException, GeneralSecurityException {
        server = new LoopbackSshServer(served, userKey);
        client = SshClient.setUpDefaultClient();
        PublicKey expectedHost = server.hostKey().getPublic();
        client.setServerKeyVerifier((s, address, key) -> KeyUtils.compareKeys(key, expectedHost));
        client.start();
        session = client.connect("reader", "127.0.0.1", server.port()).verify(Duration.ofSeconds(10))
                .getSession();
        session.addPublicKeyIdentity(userKey);
        session.auth().verify(Duration.ofSeconds(10));
        fileSystem = SftpClientFactory.instance().createSftpFileSystem(session);
    }

    public int port() {
        return server.port();
    }

    /** The server's host key, for a test's known_hosts. */
    public KeyPair hostKey() {
        return server.hostKey();
    }

    /** The served folder's path on the client side of the SFTP file system. */
    public Path path(String relative) {
        return fileSystem.getPath("/" + relative);
    }

    /** File bytes the server has sent so far. */
    public long bytesSent() {
        return server.bytesSent();
    }

    /** The server itself, to count its sessions or kill them. */
    public LoopbackSshServer server() {
        return server;
    }

    public static KeyPair ecKey() throws GeneralSecurityException {
        return LoopbackSshServer.ecKey();
    }

    @Override
    public void close() throws IOException {
        fileSystem.close();
        session.close();
        client.stop();
        server.close();
    }
}
