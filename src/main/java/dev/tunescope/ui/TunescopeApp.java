package dev.tunescope.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The desktop app: opens the folder given on the command line (sample-runs/ by default). */
public final class TunescopeApp extends Application {

    /** Starts the JavaFX toolkit and the app; returns when the last window closes. */
    public static void launch(String... args) {
        Application.launch(TunescopeApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        AppArguments arguments = AppArguments.parse(getParameters().getRaw());
        // screenshots show the app as a first start does, and leave the user's remembered layout alone
        UiPreferences prefs = arguments.screenshot().isPresent() ? UiPreferences.inMemory() : UiPreferences.user();
        MainWindow window = new MainWindow(stage, Background.fx(), prefs);
        arguments.dark().ifPresent(dark -> Themes.apply(stage.getScene(), dark));
        stage.show();
        window.open(arguments.folder());
        arguments.screenshot().ifPresent(dir -> Screenshots.takeWhenLoaded(window, stage, dir));
    }
}
