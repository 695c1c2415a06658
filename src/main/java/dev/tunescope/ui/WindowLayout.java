package dev.tunescope.ui;

import java.util.prefs.Preferences;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/** Remembers the window's size and position and where the dividers sit, between starts. */
final class WindowLayout {
    private WindowLayout() {
    }

    static void restore(Stage stage, SplitPane split) {
        Preferences prefs = prefs();
        double width = prefs.getDouble("width", Double.NaN);
        if (Double.isNaN(width)) {
            return; // first start: the defaults of the window
        }
        stage.setWidth(width);
        stage.setHeight(prefs.getDouble("height", stage.getHeight()));
        stage.setX(prefs.getDouble("x", stage.getX()));
        stage.setY(prefs.getDouble("y", stage.getY()));
        split.setDividerPositions(prefs.getDouble("divider0", 0.22), prefs.getDouble("divider1", 0.74));
    }

    static void save(Stage stage, SplitPane split) {
        Preferences prefs = prefs();
        prefs.putDouble("width", stage.getWidth());
        prefs.putDouble("height", stage.getHeight());
        prefs.putDouble("x", stage.getX());
        prefs.putDouble("y", stage.getY());
        double[] dividers = split.getDividerPositions();
        for (int i = 0; i < dividers.length; i++) {
            prefs.putDouble("divider" + i, dividers[i]);
        }
    }

    private static Preferences prefs() {
        return Preferences.userNodeForPackage(WindowLayout.class).node("window");
    }
}
