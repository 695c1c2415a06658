package dev.tunescope.testing;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An embedded MINA SSHD server on 127.0.0.1 serving one local folder over SFTP, with a client connected to it by
 * key (both keys generated, the host key pinned: nothing is accepted on trust). It counts the file bytes the server
 * sent, so a test can tell what a refresh moved over the wire.
 */
public final class LoopbackSftp implements AutoCloseable {
    private final SshServer server;
    private final SshClient client;
    private final ClientSession session;
    private final FileSystem fileSystem;
    private final AtomicLong bytesSent = new AtomicLong();
    private final KeyPair hostKey;

    /** Serves {@code served} to the user "reader" with a generated key. */
    public LoopbackSftp(Path served) throws IOException, GeneralSecurityException {
        this(served, ecKey());
    }

    /** Serves {@code served} to the user "reader" holding {@code userKey}. */
    public LoopbackSftp(Path served, KeyPair userKey) throws IOException, GeneralSecurityException {
        hostKey = ecKey();
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void read(ServerSession s, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                             int dataOffset, int dataLen, int readLen, Throwable thrown) {
                bytesSent.addAndGet(Math.max(0, readLen));
            }
        });
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, s) -> user.equals("reader")
                && KeyUtils.compareKeys(key, userKey.getPublic()));
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(served));
        server.start();

        client = SshClient.setUpDefaultClient();
        PublicKey expectedHost = hostKey.getPublic();
        client.setServerKeyVerifier((s, address, key) -> KeyUtils.compareKeys(key, expectedHost));
        client.start();
        session = client.connect("reader", "127.0.0.1", server.getPort()).verify(Duration.ofSeconds(10))
                .getSession();
        session.addPublicKeyIdentity(userKey);
        session.auth().verify(Duration.ofSeconds(10));
        fileSystem = SftpClientFactory.instance().createSftpFileSystem(session);
    }

    public int port() {
        return server.getPort();
    }

    /** The server's host key, for a test's known_hosts. */
    public KeyPair hostKey() {
        return hostKey;
    }

    /** The served folder's path on the client side of the SFTP file system. */
    public Path path(String relative) {
        return fileSystem.getPath("/" + relative);
    }

    /** File bytes the server has sent so far. */
    public long bytesSent() {
        return bytesSent.get();
    }

    public static KeyPair ecKey() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    @Override
    public void close() throws IOException {
        fileSystem.close();
        session.close();
        client.stop();
        server.stop();
    }
}
