package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.io.TunescopeRunInfo;
import dev.tunescope.io.TunescopeRunWriter;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.LoopbackSftp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * A run still being trained on the server, opened as an {@code ssh://} folder: the window's live refresh picks up
 * the steps the trainer logs after the folder was opened, and stops following once the run has finished.
 */
@ExtendWith(ApplicationExtension.class)
class RemoteLiveRunWindowTest {
    @TempDir
    static Path home;
    private MainWindow window;
    private LoopbackSftp server;
    private TunescopeRunWriter trainer;

    @Start
    void start(Stage stage) throws Exception {
        Path served = Files.createDirectories(home.resolve("served"));
        trainer = TunescopeRunWriter.create(served.resolve("live-run"), TunescopeRunInfo.started("live-run",
                Instant.now(), "cpu", Hyperparameters.NONE, Map.of()));
        for (long step = 1; step <= 10; step++) {
            trainer.metrics(step, Map.of("train/loss", 1.0 / step));
        }
        server = new LoopbackSftp(served);
        System.setProperty("tunescope.ssh.dir", server.server().sshDir(home).toString());
        window = new MainWindow(stage, Background.fx(), UiPreferences.inMemory());
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        System.clearProperty("tunescope.ssh.dir");
        trainer.close();
        server.close();
    }

    private int pointsShown() {
        return window.workspace().studies().stream().flatMap(s -> s.runs().stream())
                .flatMap(run -> run.scalar("train/loss").stream()).mapToInt(ScalarSeries::size).max().orElse(0);
    }

    @Test
    void stepsLoggedOnTheServerAfterTheFolderOpenedAppearWithoutReopeningIt() throws Exception {
        Platform.runLater(() -> window.open("ssh://reader@127.0.0.1:" + server.port() + "/"));
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> pointsShown() == 10);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status: " + window.workspace().statusProperty().get() + "; points " + pointsShown()
                    + "; files " + java.util.Arrays.toString(home.resolve("served/live-run").toFile().list()));
        }

        for (long step = 11; step <= 25; step++) {
            trainer.metrics(step, Map.of("train/loss", 1.0 / step));
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pointsShown() == 25);

        trainer.metrics(26, Map.of("train/loss", 0.01));
        trainer.status(RunStatus.FINISHED);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pointsShown() == 26
                && !window.workspace().workspaceProperty().get().live());
        assertThat(pointsShown()).isEqualTo(26);
    }
}
