package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.LoopbackSftp;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opens an {@code ssh://} folder served by an embedded SSH server, connecting in the background, and
 * shows its runs; the address goes into the recent folders as typed.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteFolderWindowTest {
    @TempDir
    static Path home;
    private MainWindow window;
    private UiPreferences prefs;
    private LoopbackSftp server;

    @Start
    void start(Stage stage) throws Exception {
        KeyPair userKey = LoopbackSftp.ecKey();
        server = new LoopbackSftp(Fixtures.root(), userKey);
        Path sshDir = Files.createDirectories(home.resolve(".ssh"));
        try (OutputStream out = Files.newOutputStream(sshDir.resolve("id_ecdsa"))) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "test", null, out);
        }
        Files.writeString(sshDir.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + PublicKeyEntry.toString(server.hostKey().getPublic()) + "\n");
        System.setProperty("tunescope.ssh.dir", sshDir.toString());
        prefs = UiPreferences.inMemory();
        window = new MainWindow(stage, Background.fx(), prefs);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("tunescope.ssh.dir");
        server.close();
    }

    @Test
    void aRemoteFolderOpensInTheBackgroundAndShowsItsRuns() throws Exception {
        String address = "ssh://reader@127.0.0.1:" + server.port() + "/tb";
        Platform.runLater(() -> window.open(address));

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.workspace().studies().isEmpty()
                && !window.workspace().loadingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workspace().studies()).isNotEmpty();
        assertThat(window.workspace().statusProperty().get()).doesNotContain("Could not");
        assertThat(new RecentFolders(prefs).list()).first().isEqualTo(address);
    }
}
