package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.LoopbackSftp;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunescope diagnose ssh://...} against an embedded SSH server on loopback, with a throwaway ~/.ssh: the
 * same answers as the local folder, and host keys checked as OpenSSH does.
 */
class SshFolderCommandTest {
    @TempDir
    Path home;
    private Path sshDir;
    private KeyPair userKey;
    private LoopbackSftp server;

    @BeforeEach
    void serveTheFixtures() throws Exception {
        userKey = LoopbackSftp.ecKey();
        server = new LoopbackSftp(Fixtures.root(), userKey);
        sshDir = Files.createDirectories(home.resolve(".ssh"));
        try (OutputStream out = Files.newOutputStream(sshDir.resolve("id_ecdsa"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "test", null, out);
        }
        System.setProperty("tunescope.ssh.dir", sshDir.toString());
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("tunescope.ssh.dir");
        server.close();
    }

    private String address(String folder) {
        return "ssh://reader@127.0.0.1:" + server.port() + "/" + folder;
    }

    private void knowHost(KeyPair key) throws Exception {
        Files.writeString(sshDir.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + PublicKeyEntry.toString(key.getPublic()) + "\n");
    }

    @Test
    void aRemoteFolderIsDiagnosedAsTheLocalOne() throws Exception {
        knowHost(server.hostKey());
        InspectCommandTest.Result remote = execute("diagnose", address("tb"), "--json");
        InspectCommandTest.Result local = execute("diagnose", Fixtures.resolve("tb").toString(), "--json");

        assertThat(remote.exitCode()).as(remote.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(remote.out()).get("studies");
        JsonNode b = new ObjectMapper().readTree(local.out()).get("studies");
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    @Test
    void aConnectionKilledDuringTheReadIsReopenedAndTheAnswerIsTheLocalOne() throws Exception {
        knowHost(server.hostKey());
        int sessionsBefore = server.server().sessionsOpened(); // the helper's own client session
        server.server().killWhenSent(server.bytesSent() + 100_000); // well inside the 640 KB of the tb fixtures
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream realErr = System.err;
        InspectCommandTest.Result remote;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            remote = execute("diagnose", address("tb"), "--json");
        } finally {
            System.setErr(realErr);
        }
        InspectCommandTest.Result local = execute("diagnose", Fixtures.resolve("tb").toString(), "--json");

        assertThat(remote.exitCode()).as(remote.err()).isZero();
        assertThat(server.server().sessionsOpened() - sessionsBefore).as("the first session, and one after the kill")
                .isEqualTo(2);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .contains("tunescope: connection to 127.0.0.1 dropped; reconnecting (attempt 1")
                .contains("tunescope: reconnected to 127.0.0.1 (attempt 1)");
        JsonNode a = new ObjectMapper().readTree(remote.out()).get("studies");
        JsonNode b = new ObjectMapper().readTree(local.out()).get("studies");
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    @Test
    void anUnknownHostKeyIsRefusedWithoutTheUsersConsentAndNotRecorded() throws Exception {
        InspectCommandTest.Result result = execute("inspect", address("tb"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("is not in known_hosts and was not accepted").contains("SHA256:")
                .contains("[127.0.0.1]:" + server.port());
        assertThat(sshDir.resolve("known_hosts")).doesNotExist();
    }

    @Test
    void aChangedHostKeyIsAlwaysRefused() throws Exception {
        knowHost(LoopbackSftp.ecKey());
        String before = Files.readString(sshDir.resolve("known_hosts"));
        InspectCommandTest.Result result = execute("inspect", address("tb"));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("REMOTE HOST IDENTIFICATION HAS CHANGED");
        assertThat(Files.readString(sshDir.resolve("known_hosts"))).isEqualTo(before);
    }

    @Test
    void aBadAddressOrAMissingFolderIsOneLine() throws Exception {
        knowHost(server.hostKey());
        assertThat(execute("inspect", "ssh://").err()).contains("is not a valid ssh:// address");
        InspectCommandTest.Result missing = execute("inspect", address("no-such-folder"));
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("no such folder on 127.0.0.1").doesNotContain("Exception");
    }
}
