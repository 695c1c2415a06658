package dev.tunescope.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * {@code --screenshots DIR}: once the folder is read and drawn, saves the window as it shows each view (the curves,
 * an unstable trial zoomed in, the gradient norms, the hyperparameter axis plot, the parallel coordinates), then exits; exit code 1 when the folder could not be read.
 * Used for the README's pictures and by the installer's smoke test.
 */
final class Screenshots {
    private static final Duration SETTLE = Duration.millis(700);

    private Screenshots() {
    }

    static void takeWhenLoaded(MainWindow window, Stage stage, Path dir) {
        window.workspace().workspaceProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.tunescope.workspace.Workspace> obs,
                                dev.tunescope.workspace.Workspace old, dev.tunescope.workspace.Workspace now) {
                obs.removeListener(this);
                System.out.println("first runs shown " + sinceJvmStart() + " ms after the JVM started ("
                        + now.runCount() + " read)");
            }
        });
        window.workspace().loadingProperty().addListener((obs, was, loading) -> {
            if (!loading) {
                whenDrawn(window, () -> {
                    window.plots().curves().redrawNow();
                    System.out.println("diagnosed and drawn " + sinceJvmStart() + " ms after the JVM started");
                    later(() -> take(window, stage, dir));
                });
            }
        });
    }

    /** Runs {@code then} once the curves show the last series asked for (they are prepared in the background). */
    private static void whenDrawn(MainWindow window, Runnable then) {
        javafx.beans.property.ReadOnlyBooleanProperty preparing = window.plots().curves().preparingProperty();
        if (!preparing.get()) {
            then.run();
            return;
        }
        preparing.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    obs.removeListener(this);
                    then.run();
                }
            }
        });
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static void take(MainWindow window, Stage stage, Path dir) {
        if (window.workspace().workspaceProperty().get() == null) {
            System.err.println("tunescope: " + window.workspace().statusProperty().get());
            Platform.exit();
            System.exit(1);
        }
        try {
            Files.createDirectories(dir);
            save(stage, dir.resolve("main-window.png"));
            TabPane tabs = (TabPane) window.plots().getChildren().get(0);
            window.plots().curves().zoomTo(0, 60);
            later(() -> {
                save(stage, dir.resolve("zoomed-in.png"));
                window.plots().resetZoom();
                tabs.getSelectionModel().select(1);
                later(() -> {
                    save(stage, dir.resolve("gradient-norm.png"));
                    tabs.getSelectionModel().select(2);
                    later(() -> {
                        save(stage, dir.resolve("hyperparameter-axis.png"));
                        window.expandAdvisorPanels();
                        later(() -> {
                            save(stage, dir.resolve("advisor-panels.png"));
                            tabs.getSelectionModel().select(3);
                            later(() -> {
                                save(stage, dir.resolve("histograms.png"));
                                ((TabPane) stage.getScene().lookup("#compare-tabs")).getSelectionModel().select(1);
                                later(() -> {
                                    save(stage, dir.resolve("parallel-coordinates.png"));
                                    Platform.exit();
                                });
                            });
                        });
                    });
                });
            });
        } catch (IOException failure) {
            System.err.println("tunescope: could not write screenshots to " + dir + ": " + failure.getMessage());
            Platform.exit();
            System.exit(1);
        }
    }

    private static void later(Runnable action) {
        PauseTransition pause = new PauseTransition(SETTLE);
        pause.setOnFinished(e -> action.run());
        pause.play();
    }

    private static void save(Stage stage, Path file) {
        WritableImage image = stage.getScene().snapshot(null);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            System.out.println("saved " + file);
        } catch (IOException failure) {
            System.err.println("tunescope: could not save " + file + ": " + failure.getMessage());
        }
    }
}
