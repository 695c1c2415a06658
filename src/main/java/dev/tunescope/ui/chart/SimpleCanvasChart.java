package dev.tunescope.ui.chart;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;

/**
 * A chart drawn whole on one canvas that fills the region: redrawn on resize and when the chart theme changes.
 * For charts of a few hundred marks (the scatter, the heatmap); the line chart coalesces its redraws instead.
 */
abstract class SimpleCanvasChart extends Region {
    private final Canvas canvas = new Canvas();
    /** Held strongly here, weakly by the theme, so that a closed chart is not kept alive. */
    private final InvalidationListener themeListener = o -> redraw();

    SimpleCanvasChart() {
        getChildren().add(canvas);
        ChartTheme.CURRENT.addListener(new WeakInvalidationListener(themeListener));
    }

    public Canvas canvas() {
        return canvas;
    }

    /** Draws again from the current data, e.g. after the theme changed. */
    public final void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(ChartTheme.current().background());
        g.fillRect(0, 0, getWidth(), getHeight());
        draw(g, getWidth(), getHeight());
    }

    /** Draws the chart on a cleared canvas of this size. */
    protected abstract void draw(GraphicsContext g, double width, double height);

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }
}
