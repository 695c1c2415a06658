package dev.tunescope.ui.chart;

import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;

/**
 * A chart drawn on one canvas that fills the region, whose redraws are coalesced: any number of
 * {@link #requestRedraw()} calls, from any thread, draw once at the next pulse. Resizing and a change of the chart
 * theme request a redraw. For charts redrawn as often as a slider or the mouse moves (the line chart, the
 * histogram); {@link SimpleCanvasChart} draws at once instead.
 */
abstract class CoalescingCanvasChart extends Region {
    private final Canvas canvas = new Canvas();
    private final RedrawScheduler redraw = new RedrawScheduler(this::draw);
    /** Held strongly here, weakly by the theme, so that a closed chart is not kept alive. */
    private final InvalidationListener themeListener = o -> requestRedraw();

    CoalescingCanvasChart() {
        getChildren().add(canvas);
        ChartTheme.CURRENT.addListener(new WeakInvalidationListener(themeListener));
    }

    /** Draws the whole chart on {@link #canvas()}; called on the FX thread. */
    protected abstract void draw();

    /** Asks for one redraw at the next pulse; any thread. */
    public final void requestRedraw() {
        redraw.request();
    }

    /** Draws now, dropping a pending request; FX thread only. */
    public final void redrawNow() {
        redraw.drawNow();
    }

    /** The canvas drawn on (for snapshots). */
    public final Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            requestRedraw();
        }
    }

    /** The centre of the pixel holding this coordinate, where a 1-pixel line is drawn sharp. */
    static double snap(double pixel) {
        return Math.floor(pixel) + 0.5;
    }
}
