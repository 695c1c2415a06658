package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunescope.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same as {@link SshFolderCommandTest} against Debian's OpenSSH server, which {@code .ci/sshd-up.sh} starts on
 * 127.0.0.1 with throwaway keys: real-world server behaviour (its SFTP subsystem, its key exchange) is covered too.
 * Skipped when that server is not running, unless {@code TUNESCOPE_REQUIRE_SSHD=1} (set by {@code .ci/run}).
 */
class OpenSshServerTest {
    private static final Path SERVER = Path.of(System.getenv().getOrDefault("TUNESCOPE_SSHD_DIR",
            "/tmp/tunescope-sshd"));

    @TempDir
    Path home;
    private Path sshDir;
    private int port;

    @BeforeEach
    void useTheServersThrowawayKeys() throws Exception {
        boolean running = Files.isRegularFile(SERVER.resolve("sshd.pid")) && Files.isRegularFile(SERVER.resolve("port"));
        if ("1".equals(System.getenv("TUNESCOPE_REQUIRE_SSHD"))) {
            assertThat(running).as("OpenSSH's sshd started by .ci/sshd-up.sh in " + SERVER).isTrue();
        }
        Assumptions.assumeTrue(running, "no OpenSSH server started by .ci/sshd-up.sh in " + SERVER);
        port = Integer.parseInt(Files.readString(SERVER.resolve("port")).trim());
        sshDir = Files.createDirectories(home.resolve(".ssh"));
        Files.copy(SERVER.resolve("user_key"), sshDir.resolve("id_ecdsa"));
        Files.writeString(sshDir.resolve("known_hosts"), "[127.0.0.1]:" + port + " "
                + Files.readString(SERVER.resolve("host_key.pub")));
        System.setProperty("tunescope.ssh.dir", sshDir.toString());
    }

    @AfterEach
    void forget() {
        System.clearProperty("tunescope.ssh.dir");
        System.clearProperty("tunescope.ssh.auth-sock");
    }

    @Test
    void aFolderOnOpenSshIsDiagnosedAsTheLocalOne() throws Exception {
        Path local = Fixtures.resolve("tb");
        InspectCommandTest.Result remote = execute("diagnose", "ssh://" + System.getProperty("user.name")
                + "@127.0.0.1:" + port + local, "--json");

        assertThat(remote.exitCode()).as(remote.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(remote.out()).get("studies");
        JsonNode b = new ObjectMapper().readTree(execute("diagnose", local.toString(), "--json").out()).get("studies");
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    /**
     * {@code ~/.ssh/config}'s ProxyJump, as OpenSSH users write it: the folder is reached through a jump host (here
     * the same server, which forwards the connection to itself), both keys checked against {@code known_hosts}.
     */
    @Test
    void aFolderBehindAJumpHostIsReachedThroughItAsOpenSshDoes() throws Exception {
        String user = System.getProperty("user.name");
        Files.writeString(sshDir.resolve("config"), """
                Host gpu-box
                  HostName 127.0.0.1
                  Port %d
                  User %s
                  ProxyJump bastion
                Host bastion
                  HostName 127.0.0.1
                  Port %d
                  User %s
                """.formatted(port, user, port, user));
        Path local = Fixtures.resolve("tb");
        InspectCommandTest.Result remote = execute("diagnose", "ssh://gpu-box" + local, "--json");

        assertThat(remote.exitCode()).as(remote.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(remote.out()).get("studies");
        JsonNode b = new ObjectMapper().readTree(execute("diagnose", local.toString(), "--json").out()).get("studies");
        assertThat(a).isNotEmpty().isEqualTo(b);
    }

    /** With no key file at all, the key the user's ssh-agent holds (OpenSSH's own agent, real) logs in. */
    @Test
    void theKeyInTheUsersSshAgentLogsInWithoutAnyKeyFile() throws Exception {
        Path socket = home.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(home.resolve("agent.log").toFile()).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(socket); i++) {
                Thread.sleep(20);
            }
            ProcessBuilder add = new ProcessBuilder("ssh-add", sshDir.resolve("id_ecdsa").toString())
                    .redirectErrorStream(true).redirectOutput(home.resolve("ssh-add.log").toFile());
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            assertThat(add.start().waitFor()).as(Files.readString(home.resolve("ssh-add.log"))).isZero();
            Files.delete(sshDir.resolve("id_ecdsa")); // only the agent has it now
            Path local = Fixtures.resolve("tb");
            String address = "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + local;

            InspectCommandTest.Result withoutAgent = execute("diagnose", address, "--json");
            assertThat(withoutAgent.exitCode()).isNotZero();
            assertThat(withoutAgent.err()).contains("authentication failed");

            System.setProperty("tunescope.ssh.auth-sock", socket.toString());
            InspectCommandTest.Result remote = execute("diagnose", address, "--json");
            assertThat(remote.exitCode()).as(remote.err()).isZero();
            JsonNode a = new ObjectMapper().readTree(remote.out()).get("studies");
            JsonNode b = new ObjectMapper().readTree(execute("diagnose", local.toString(), "--json").out())
                    .get("studies");
            assertThat(a).isNotEmpty().isEqualTo(b);
        } finally {
            agent.destroy();
        }
    }
}
