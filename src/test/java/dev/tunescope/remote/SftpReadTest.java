package dev.tunescope.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The readers on a file system that is not the local one: the real fixtures served by an embedded SSH server on
 * loopback and read through MINA SSHD's SFTP file system provider read exactly as they do locally. A reader that
 * leans on {@code toFile()}, on local-only channel features or on the default file system fails here.
 */
class SftpReadTest {
    private static SshServer server;
    private static SshClient client;
    private static ClientSession session;
    private static FileSystem remote;

    @BeforeAll
    static void serveTheFixtures() throws Exception {
        KeyPair hostKey = generate();
        KeyPair userKey = generate();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, s) -> user.equals("reader")
                && KeyUtils.compareKeys(key, userKey.getPublic()));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(Fixtures.root()));
        server.start();

        client = SshClient.setUpDefaultClient();
        PublicKey expectedHost = hostKey.getPublic();
        // the test pins the host key it generated: nothing is accepted on trust
        client.setServerKeyVerifier((s, address, key) -> KeyUtils.compareKeys(key, expectedHost));
        client.start();
        session = client.connect("reader", "127.0.0.1", server.getPort()).verify(Duration.ofSeconds(10)).getSession();
        session.addPublicKeyIdentity(userKey);
        session.auth().verify(Duration.ofSeconds(10));
        remote = SftpClientFactory.instance().createSftpFileSystem(session);
    }

    @AfterAll
    static void stop() throws Exception {
        if (remote != null) {
            remote.close();
        }
        if (session != null) {
            session.close();
        }
        if (client != null) {
            client.stop();
        }
        if (server != null) {
            server.stop();
        }
    }

    private static KeyPair generate() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    @Test
    void everyFixtureFormatReadsOverSftpAsItDoesLocally() throws Exception {
        for (String format : List.of("tb", "lightning_csv", "keras_csv", "mlflow")) {
            Map<String, Run> local = byPath(RunLoader.loadAll(Fixtures.resolve(format)));
            Path there = remote.getPath("/" + format);
            Map<String, Run> overSftp = byPath(RunLoader.loadAll(there));

            assertThat(overSftp.keySet()).as(format).isEqualTo(local.keySet()).isNotEmpty();
            for (String run : local.keySet()) {
                Run a = local.get(run);
                Run b = overSftp.get(run);
                assertThat(b.format()).as(run).isEqualTo(a.format());
                assertThat(b.hyperparameters().values().keySet()).as(run)
                        .isEqualTo(a.hyperparameters().values().keySet());
                assertThat(b.scalars().keySet()).as(run).isEqualTo(a.scalars().keySet());
                for (String tag : a.scalars().keySet()) {
                    ScalarSeries x = a.scalars().get(tag);
                    ScalarSeries y = b.scalars().get(tag);
                    assertThat(y.stepsCopy()).as(run + " " + tag).isEqualTo(x.stepsCopy());
                    assertThat(y.valuesCopy()).as(run + " " + tag).isEqualTo(x.valuesCopy());
                }
                assertThat(b.histograms().keySet()).as(run).isEqualTo(a.histograms().keySet());
                assertThat(b.warnings()).as(run).hasSameSizeAs(a.warnings());
            }
        }
    }

    private static Map<String, Run> byPath(List<Run> runs) {
        Map<String, Run> out = new TreeMap<>(Comparator.naturalOrder());
        runs.forEach(r -> out.put(r.path(), r));
        return out;
    }
}
