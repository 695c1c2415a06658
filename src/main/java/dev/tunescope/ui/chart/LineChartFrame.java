package dev.tunescope.ui.chart;

import dev.tunescope.plot.Scale;
import dev.tunescope.plot.XAxis;
import java.util.List;
import java.util.Set;
import javafx.geometry.Rectangle2D;

/**
 * One frame of a line chart, everything {@link LineChartRenderer} draws from: the canvas size and plot area, the
 * scales, the series (with their caches), what is hidden or highlighted, the marks, the axis titles and the
 * crosshair's reading.
 *
 * @param highlighted the series name drawn on top and the others dimmed, or null
 * @param readout     the crosshair's reading, or null while the mouse is off the plot
 * @param rubberBand  the zoom rectangle being dragged (x0, y0, x1, y1), or null
 * @param legend      whether the legend is drawn on the canvas (charts without a legend pane above them)
 * @param xAxis       what x measures, for its labels
 */
record LineChartFrame(double width, double height, Rectangle2D area, Scale x, Scale y, SeriesCache cache,
                      Set<String> hidden, String highlighted, List<Marker> markers, List<Threshold> thresholds,
                      String xTitle, String yTitle, Readout readout, double crosshairX, double[] rubberBand,
                      boolean legend, XAxis xAxis) {
}
