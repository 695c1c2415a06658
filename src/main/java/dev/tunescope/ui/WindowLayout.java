package dev.tunescope.ui;

import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/** Remembers the window's size and position and where the dividers sit, between starts. */
final class WindowLayout {
    private WindowLayout() {
    }

    static void restore(UiPreferences prefs, Stage stage, SplitPane split) {
        double width = prefs.getDouble("window.width", Double.NaN);
        if (Double.isNaN(width)) {
            return; // first start: the defaults of the window
        }
        stage.setWidth(width);
        stage.setHeight(prefs.getDouble("window.height", stage.getHeight()));
        stage.setX(prefs.getDouble("window.x", stage.getX()));
        stage.setY(prefs.getDouble("window.y", stage.getY()));
        split.setDividerPositions(prefs.getDouble("window.divider0", 0.22), prefs.getDouble("window.divider1", 0.74));
    }

    static void save(UiPreferences prefs, Stage stage, SplitPane split) {
        prefs.putDouble("window.width", stage.getWidth());
        prefs.putDouble("window.height", stage.getHeight());
        prefs.putDouble("window.x", stage.getX());
        prefs.putDouble("window.y", stage.getY());
        double[] dividers = split.getDividerPositions();
        for (int i = 0; i < dividers.length; i++) {
            prefs.putDouble("window.divider" + i, dividers[i]);
        }
    }
}
