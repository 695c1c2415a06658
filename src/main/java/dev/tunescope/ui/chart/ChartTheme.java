package dev.tunescope.ui.chart;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;

/**
 * The colours charts draw their frame with: background, axes and text, grid, markers, thresholds, legend box.
 * Series keep the colour-blind-safe palette in both themes. One app-wide choice, {@link #CURRENT}; charts redraw
 * when it changes.
 */
public record ChartTheme(Color background, Color axis, Color grid, Color marker, Color threshold, Color legendFill,
                         Color legendBorder) {

    public static final ChartTheme LIGHT = new ChartTheme(Color.WHITE, Color.gray(0.25), Color.gray(0.92),
            Color.web("#B2182B"), Color.gray(0.35), Color.rgb(255, 255, 255, 0.9), Color.gray(0.6));
    public static final ChartTheme DARK = new ChartTheme(Color.web("#1e1f22"), Color.gray(0.82), Color.gray(0.24),
            Color.web("#FF6F61"), Color.gray(0.7), Color.rgb(30, 31, 34, 0.9), Color.gray(0.45));

    /** The theme every chart draws with; set it from the FX thread. */
    public static final ObjectProperty<ChartTheme> CURRENT = new SimpleObjectProperty<>(LIGHT);

    /** A palette colour as this theme draws it: the palette's black would vanish on a dark background. */
    public Color seriesColor(Color paletteColor) {
        return this == DARK && paletteColor.getBrightness() < 0.15 ? Color.gray(0.9) : paletteColor;
    }

    public static ChartTheme current() {
        return CURRENT.get();
    }
}
