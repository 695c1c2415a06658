package dev.tunescope.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.LoopbackSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that takes no key offered is logged into with a password the user is asked for, and only then. */
class SshPasswordTest {
    @TempDir
    Path dir;

    /** A prompt that answers from a list, and keeps what it was asked. */
    private static final class Answers implements PasswordPrompt {
        final List<String> asked = new ArrayList<>();
        private final Iterator<String> answers;

        Answers(String... answers) {
            this.answers = List.of(answers).iterator();
        }

        @Override
        public Optional<String> ask(String question) {
            asked.add(question);
            return answers.hasNext() ? Optional.of(answers.next()) : Optional.empty();
        }
    }

    private LoopbackSshServer server;
    private SshFolders folders;

    /** A server that takes the password "correct horse", and a client with no key to offer (known_hosts only). */
    @BeforeEach
    void serverAndClientWithoutKeys() throws Exception {
        server = new LoopbackSshServer(Fixtures.resolve("tb"), LoopbackSshServer.ecKey());
        server.acceptPassword("correct horse");
        Path sshDir = server.sshDir(dir.resolve("home"));
        Files.delete(sshDir.resolve("id_ecdsa"));
        folders = new SshFolders(sshDir, HostKeyConsent.REFUSE, FilePasswordProvider.EMPTY);
    }

    @AfterEach
    void closeBoth() throws Exception {
        folders.close();
        server.close();
    }

    @Test
    void thePasswordIsAskedForWhenNoKeyIsAcceptedAndRetriedWhenWrong() throws Exception {
        Answers answers = new Answers("wrong", "correct horse");
        folders.askPasswordsWith(answers);

        Path folder = folders.open(SshLocation.parse(server.address("")));

        try (var runs = Files.list(folder)) {
            assertThat(runs.toList()).isNotEmpty();
        }
        assertThat(answers.asked).hasSize(2).allSatisfy(question -> assertThat(question)
                .startsWith("reader@127.0.0.1:" + server.port()));
    }

    @Test
    void withoutAPromptOnlyKeysLogInAndNothingIsAsked() {
        assertThatThrownBy(() -> folders.open(SshLocation.parse(server.address(""))))
                .hasMessageContaining("authentication failed");
    }

    @Test
    void aDeclinedPromptEndsTheLoginInOneLine() {
        Answers declines = new Answers();
        folders.askPasswordsWith(declines);
        assertThatThrownBy(() -> folders.open(SshLocation.parse(server.address(""))))
                .hasMessageContaining("authentication failed").hasMessageNotContaining("\n");
        assertThat(declines.asked).isNotEmpty();
    }
}
