package dev.tunescope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.data.Offset.offset;

import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.MinMaxPyramid;
import dev.tunescope.plot.Palette;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.plot.Tick;
import dev.tunescope.run.ScalarSeries;
import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LineChartCanvasTest {
    private static final int POINTS = 1_000_000;
    private static final long SPIKE_STEP = 500_000;

    private LineChartCanvas chart;

    @Start
    void start(Stage stage) {
        chart = new LineChartCanvas();
        stage.setScene(new Scene(new StackPane(chart), 800, 500));
        stage.show();
    }

    @Test
    void aSingleSpikeInAMillionPointsIsDrawnAtFullZoomOut(FxRobot robot) {
        chart.setSeries(List.of(new NamedSeries("loss", spiky(), Palette.color(0)),
                new NamedSeries("one", single(), Palette.color(1)), new NamedSeries("nan", allNaN(), Palette.color(2))));
        WritableImage image = drawAndSnapshot(robot);
        Rectangle2D area = on(robot, chart::plotArea);
        Scale x = on(robot, chart::xScale);
        int top = (int) area.getMinY();
        int band = (int) (area.getHeight() * 0.15);

        int spikeColumn = (int) Math.floor(x.toPixel(SPIKE_STEP));
        assertThat(hasBlue(image.getPixelReader(), spikeColumn - 1, spikeColumn + 1, top + 1, top + band))
                .as("the spike's column shows the series colour near the top").isTrue();
        int quietColumn = (int) Math.floor(x.toPixel(SPIKE_STEP / 2));
        assertThat(hasBlue(image.getPixelReader(), quietColumn - 1, quietColumn + 1, top + 1, top + band))
                .as("a column without a spike does not").isFalse();
        assertThat(on(robot, chart::visibleYRange).max()).isGreaterThan(100);
    }

    @Test
    void logYWithZeroAndNegativeValuesDrawsWithoutThrowing(FxRobot robot) {
        chart.setSeries(List.of(new NamedSeries("signed", ScalarSeries.of("signed", new long[] {0, 1, 2, 3, 4},
                new double[] {-1, 0, 1, 10, Double.NaN})), new NamedSeries("nan", allNaN())));
        robot.interact(() -> chart.setLogY(true));
        assertThatCode(() -> drawAndSnapshot(robot)).doesNotThrowAnyException();
        assertThat(on(robot, chart::yScale).type()).isEqualTo(ScaleType.LOG);
        assertThat(on(robot, chart::visibleYRange).min()).isPositive();
        robot.interact(() -> chart.setSmoothing(0.6));
        assertThatCode(() -> drawAndSnapshot(robot)).doesNotThrowAnyException();
    }

    @Test
    void eachSeriesGetsOnePyramidKeptWhileTheSeriesStays(FxRobot robot) {
        ScalarSeries a = spiky();
        ScalarSeries b = single();
        ScalarSeries c = allNaN();
        chart.setSeries(List.of(new NamedSeries("a", a), new NamedSeries("b", b)));
        List<MinMaxPyramid> before = chart.pyramids();
        assertThat(before).extracting(MinMaxPyramid::series).containsExactly(a, b);
        chart.setSeries(List.of(new NamedSeries("b again", b), new NamedSeries("c", c)));
        List<MinMaxPyramid> after = chart.pyramids();
        assertThat(after.get(0)).isSameAs(before.get(1));
        assertThat(after.get(1).series()).isSameAs(c);
        robot.interact(() -> chart.setSmoothing(0.9));
        assertThatCode(() -> drawAndSnapshot(robot)).doesNotThrowAnyException();
    }

    @Test
    void zoomToNarrowsTheVisibleRangeAndResetZoomRestoresIt(FxRobot robot) {
        chart.setSeries(List.of(new NamedSeries("loss", ramp(10_000))));
        drawAndSnapshot(robot);
        AxisRange full = on(robot, chart::visibleXRange);
        robot.interact(() -> chart.zoomTo(1_000, 2_000));
        drawAndSnapshot(robot);
        AxisRange zoomed = on(robot, chart::visibleXRange);
        assertThat(zoomed.min()).isEqualTo(1_000);
        assertThat(zoomed.max()).isEqualTo(2_000);
        assertThat(zoomed.max() - zoomed.min()).isLessThan(full.max() - full.min());
        robot.interact(chart::resetZoom);
        assertThat(on(robot, chart::visibleXRange)).isEqualTo(full);
    }

    @Test
    void wheelZoomAndPanKeepTheRangeValid(FxRobot robot) {
        chart.setSeries(List.of(new NamedSeries("loss", ramp(10_000))));
        drawAndSnapshot(robot);
        AxisRange full = on(robot, chart::visibleXRange);
        Rectangle2D area = on(robot, chart::plotArea);
        double cx = area.getMinX() + area.getWidth() / 2;
        robot.interact(() -> chart.zoomAround(cx, area.getMinY() + area.getHeight() / 2, 0.5));
        AxisRange zoomed = on(robot, chart::visibleXRange);
        assertThat(zoomed.max() - zoomed.min()).isCloseTo((full.max() - full.min()) / 2, offset(1e-6));
        robot.interact(() -> chart.pan(50, 0));
        AxisRange panned = on(robot, chart::visibleXRange);
        assertThat(panned.min()).isLessThan(zoomed.min());
        assertThat(panned.max() - panned.min()).isCloseTo(zoomed.max() - zoomed.min(), offset(1e-6));
    }

    @Test
    void togglingLogYChangesTheYAxis(FxRobot robot) {
        double[] values = new double[100];
        long[] steps = new long[100];
        for (int i = 0; i < values.length; i++) {
            steps[i] = i;
            values[i] = Math.pow(10, -3 + i * 0.05);
        }
        chart.setSeries(List.of(new NamedSeries("lr", ScalarSeries.of("lr", steps, values))));
        drawAndSnapshot(robot);
        Scale linear = on(robot, chart::yScale);
        robot.interact(() -> chart.logYProperty().set(true));
        drawAndSnapshot(robot);
        Scale log = on(robot, chart::yScale);
        assertThat(linear.type()).isEqualTo(ScaleType.LINEAR);
        assertThat(log.type()).isEqualTo(ScaleType.LOG);
        assertThat(labels(log.ticks())).contains("1e-3", "0.1", "10").isNotEqualTo(labels(linear.ticks()));
    }

    @Test
    void theCrosshairNamesTheNearestStep(FxRobot robot) {
        long[] steps = new long[101];
        double[] values = new double[101];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i * 10L;
            values[i] = i;
        }
        chart.setSeries(List.of(new NamedSeries("loss", ScalarSeries.of("loss", steps, values)),
                new NamedSeries("one", single())));
        drawAndSnapshot(robot);
        Scale x = on(robot, chart::xScale);
        String text = on(robot, () -> chart.readoutAt(x.toPixel(431)));
        assertThat(text).startsWith("step 430\n").contains("loss: 43").contains("one: 50 @ 10");
        assertThat(on(robot, () -> chart.readoutAt(1))).isNull();

        Point2D screen = on(robot, () -> chart.canvas().localToScreen(x.toPixel(702), 100));
        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.readoutProperty().get()).startsWith("step 700\n").contains("loss: 70");
    }

    @Test
    void markersAndThresholdsAreDrawn(FxRobot robot) {
        chart.setSeries(List.of(new NamedSeries("loss", ramp(1_000))));
        chart.setVerticalMarkers(List.of(new Marker(500, "first unstable step")));
        chart.setThresholds(List.of(new Threshold(0.25, "floor")));
        WritableImage image = drawAndSnapshot(robot);
        Scale x = on(robot, chart::xScale);
        Scale y = on(robot, chart::yScale);
        Rectangle2D area = on(robot, chart::plotArea);
        int column = (int) Math.floor(x.toPixel(500));
        boolean red = false;
        for (int row = (int) area.getMinY() + 20; row < area.getMaxY() - 2; row++) {
            Color c = image.getPixelReader().getColor(column, row);
            red |= c.getRed() - c.getBlue() > 0.25;
        }
        assertThat(red).as("marker line at step 500").isTrue();
        int row = (int) Math.floor(y.toPixel(0.25));
        Color c = image.getPixelReader().getColor((int) area.getMinX() + 3, row);
        assertThat(c.getBrightness()).as("threshold line at 0.25").isLessThan(0.8);
    }

    private WritableImage drawAndSnapshot(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        return on(robot, () -> {
            chart.redrawNow();
            return chart.canvas().snapshot(null, null);
        });
    }

    private static <T> T on(FxRobot robot, Supplier<T> supplier) {
        Object[] result = new Object[1];
        robot.interact(() -> result[0] = supplier.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }

    private static boolean hasBlue(PixelReader pixels, int fromColumn, int toColumn, int fromRow, int toRow) {
        for (int col = fromColumn; col <= toColumn; col++) {
            for (int row = fromRow; row <= toRow; row++) {
                Color c = pixels.getColor(col, row);
                if (c.getBlue() - c.getRed() > 0.25 && c.getBlue() - c.getGreen() > 0.08) { // blue, not green
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> labels(List<Tick> ticks) {
        return ticks.stream().filter(Tick::major).map(Tick::label).toList();
    }

    private static ScalarSeries spiky() {
        long[] steps = new long[POINTS];
        double[] values = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            steps[i] = i;
            values[i] = 1 + 0.01 * Math.sin(i * 0.001);
        }
        values[(int) SPIKE_STEP] = 100;
        return ScalarSeries.of("loss", steps, values);
    }

    private static ScalarSeries single() {
        return ScalarSeries.of("one", new long[] {10}, new double[] {50});
    }

    private static ScalarSeries allNaN() {
        long[] steps = new long[1_000];
        double[] values = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i * 1_000L;
            values[i] = Double.NaN;
        }
        return ScalarSeries.of("nan", steps, values);
    }

    private static ScalarSeries ramp(int n) {
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
            values[i] = (double) i / n;
        }
        return ScalarSeries.of("ramp", steps, values);
    }
}
