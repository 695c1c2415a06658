package dev.tunescope.ui;

import java.util.Optional;
import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app: opens the folder given on the command line (sample-runs/ by default). */
public final class TunescopeApp extends Application {
    /** What a newcomer on a machine without a display needs to read instead of JavaFX's stack trace. */
    static final String HINT = "\n  Without a screen, run it under a virtual display: xvfb-run -a ./tunescope sample-runs/"
            + " (Debian: apt-get install xvfb).\n  The app also needs GTK 3 (apt-get install libgtk-3-0); the commands"
            + " need neither (./tunescope --help).";

    /**
     * Starts the JavaFX toolkit and the app; returns when the last window closes. Where there is no display to
     * open, returns at once with the message to show instead.
     */
    public static Optional<String> open(String... args) {
        String display = System.getenv("DISPLAY");
        if (System.getProperty("os.name", "").startsWith("Linux") && (display == null || display.isBlank())) {
            // JavaFX on Linux draws through GTK on X11 (XWayland under Wayland): without DISPLAY it cannot start
            return Optional.of("the desktop app needs a display, and DISPLAY is not set." + HINT);
        }
        try {
            Application.launch(TunescopeApp.class, args);
            return Optional.empty();
        } catch (UnsupportedOperationException toolkitCannotStart) { // "Unable to open DISPLAY", no GTK
            return Optional.of("the desktop app could not start (" + toolkitCannotStart.getMessage() + ")." + HINT);
        }
    }

    @Override
    public void start(Stage stage) {
        AppArguments arguments = AppArguments.parse(getParameters().getRaw());
        // screenshots show the app as a first start does, and leave the user's remembered layout alone
        UiPreferences prefs = arguments.screenshot().isPresent() ? UiPreferences.inMemory() : UiPreferences.user();
        MainWindow window = new MainWindow(stage, Background.fx(), prefs);
        arguments.dark().ifPresent(dark -> Themes.apply(stage.getScene(), dark));
        stage.show();
        // Some X window managers (openbox among them) map a JavaFX window at GTK's default 200 x 200 unless its
        // size is set again once it is shown: the same size, set explicitly, is kept.
        stage.setWidth(stage.getWidth());
        stage.setHeight(stage.getHeight());
        window.open(arguments.folder());
        arguments.screenshot().ifPresent(dir -> Screenshots.takeWhenLoaded(window, stage, dir));
    }
}
