package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.LoopbackSftp;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opens an {@code ssh://} folder served by an embedded SSH server, connecting in the background, and
 * shows its runs; the address goes into the recent folders as typed. While a dropped connection is re-opened, the
 * status bar says so on a line of its own.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteFolderWindowTest {
    @TempDir
    static Path home;
    private MainWindow window;
    private Stage stage;
    private UiPreferences prefs;
    private LoopbackSftp server;

    @Start
    void start(Stage stage) throws Exception {
        server = new LoopbackSftp(Fixtures.root());
        System.setProperty("tunescope.ssh.dir", server.server().sshDir(home).toString());
        prefs = UiPreferences.inMemory();
        window = new MainWindow(stage, Background.fx(), prefs);
        this.stage = stage;
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

    @Test
    void theStatusBarSaysWhileADroppedConnectionIsReopened() throws Exception {
        Platform.runLater(() -> window.open("ssh://reader@127.0.0.1:" + server.port() + "/tb"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.workspace().studies().isEmpty()
                && !window.workspace().loadingProperty().get());
        List<String> shown = new CopyOnWriteArrayList<>();
        Platform.runLater(() -> window.workspace().connectionProperty().addListener((o, was, now) -> shown.add(now)));
        WaitForAsyncUtils.waitForFxEvents();

        server.server().killSessions();
        Path folder = window.workspace().workspaceProperty().get().folder();
        for (int tries = 0; tries < 2; tries++) { // the request in flight as the client hears of the kill fails
            try (Stream<Path> listed = Files.list(folder)) {
                listed.count();
                break;
            } catch (UncheckedIOException | java.io.IOException diedWithTheConnection) {
                // the next request re-opens the connection
            }
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shown.size() >= 2);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(shown).first().asString().startsWith("connection to 127.0.0.1 dropped; reconnecting (attempt 1");
        assertThat(shown).last().isEqualTo("");
        assertThat(lookup("#connection").isVisible()).isFalse();
    }

    private javafx.scene.Node lookup(String id) throws Exception {
        java.util.concurrent.CompletableFuture<javafx.scene.Node> node = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> node.complete(stage.getScene().lookup(id)));
        return node.get(10, TimeUnit.SECONDS);
    }
}
