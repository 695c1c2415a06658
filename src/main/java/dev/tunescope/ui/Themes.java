package dev.tunescope.ui;

import dev.tunescope.ui.chart.ChartTheme;
import javafx.scene.Scene;

/** Light or dark: the controls' stylesheet and the charts' colours together, remembered between starts. */
final class Themes {
    private static final String DARK_CSS = Themes.class.getResource("dark.css").toExternalForm();

    private Themes() {
    }

    static boolean savedDark(UiPreferences prefs) {
        return prefs.getBoolean("dark", false);
    }

    /** Applies a theme and remembers it as the user's choice. */
    static void choose(UiPreferences prefs, Scene scene, boolean dark) {
        apply(scene, dark);
        prefs.putBoolean("dark", dark);
    }

    /** Applies a theme for this start only. */
    static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().remove(DARK_CSS);
        if (dark) {
            scene.getStylesheets().add(DARK_CSS);
        }
        ChartTheme.CURRENT.set(dark ? ChartTheme.DARK : ChartTheme.LIGHT);
    }
}
