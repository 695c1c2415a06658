package dev.tunescope.ui.chart;

import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The line chart's mouse: the wheel zooms x and y around the cursor, a primary drag pans, a shift-drag (or a
 * secondary drag) zooms into the rectangle drawn, a double click resets the zoom, and moving shows the crosshair.
 */
final class ChartMouse {
    private static final double WHEEL_NOTCH = 40;
    private static final double ZOOM_PER_NOTCH = 1.25;
    /** A rubber band narrower than this in either direction is a click, not a zoom. */
    private static final double MIN_BAND = 4;

    private final LineChartCanvas chart;
    private double startX;
    private double startY;
    private double lastX;
    private double lastY;
    private boolean rubberBand;

    private ChartMouse(LineChartCanvas chart) {
        this.chart = chart;
    }

    static void install(LineChartCanvas chart, Canvas canvas) {
        ChartMouse mouse = new ChartMouse(chart);
        canvas.addEventHandler(ScrollEvent.SCROLL, mouse::onScroll);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, mouse::onPressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, mouse::onDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, mouse::onReleased);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> chart.setCrosshair(e.getX()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> chart.setCrosshair(Double.NaN));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                chart.resetZoom();
            }
        });
    }

    private void onScroll(ScrollEvent e) {
        Rectangle2D area = chart.plotArea();
        if (e.getDeltaY() == 0 || !area.contains(e.getX(), e.getY())) {
            return;
        }
        chart.zoomAround(e.getX(), e.getY(), Math.pow(ZOOM_PER_NOTCH, -e.getDeltaY() / WHEEL_NOTCH));
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        startX = lastX = e.getX();
        startY = lastY = e.getY();
        rubberBand = e.getButton() == MouseButton.SECONDARY || (e.getButton() == MouseButton.PRIMARY && e.isShiftDown());
    }

    private void onDragged(MouseEvent e) {
        if (rubberBand) {
            chart.showRubberBand(new double[] {startX, startY, e.getX(), e.getY()});
        } else if (e.getButton() == MouseButton.PRIMARY) {
            chart.pan(e.getX() - lastX, e.getY() - lastY);
        }
        lastX = e.getX();
        lastY = e.getY();
        chart.setCrosshair(e.getX());
    }

    private void onReleased(MouseEvent e) {
        if (!rubberBand) {
            return;
        }
        rubberBand = false;
        chart.showRubberBand(null);
        if (Math.abs(e.getX() - startX) >= MIN_BAND && Math.abs(e.getY() - startY) >= MIN_BAND) {
            chart.zoomToRectangle(startX, startY, e.getX(), e.getY());
        }
    }
}
