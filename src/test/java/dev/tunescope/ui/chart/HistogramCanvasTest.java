package dev.tunescope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.tunescope.plot.Scale;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
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
class HistogramCanvasTest {
    private HistogramCanvas histogram;

    @Start
    void start(Stage stage) {
        histogram = new HistogramCanvas();
        stage.setScene(new Scene(new StackPane(histogram), 500, 260));
        stage.show();
    }

    @Test
    void drawsBarsAndFollowsTheThreshold(FxRobot robot) {
        double[] edges = new double[21];
        double[] counts = new double[20];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = i * 0.1;
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] = 10 + i;
        }
        robot.interact(() -> {
            histogram.setData(edges, counts);
            for (int i = 0; i < 100; i++) { // a slider moving: one draw at the next pulse
                histogram.setThreshold(0.5 + i * 0.01, "p90 = " + (0.5 + i * 0.01));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = snapshot(robot);
        Rectangle2D area = histogram.plotArea();
        Scale x = histogram.xScale();
        assertThat(histogram.getThreshold()).isEqualTo(1.49, offset(1e-9));
        assertThat(histogram.getThresholdLabel()).startsWith("p90 = 1.49");

        int lineColumn = (int) Math.floor(x.toPixel(1.49));
        assertThat(countReddish(image, lineColumn, area)).as("threshold line").isGreaterThan(10);
        int barColumn = (int) Math.floor(x.toPixel(0.25));
        Color bar = image.getPixelReader().getColor(barColumn, (int) area.getMaxY() - 3);
        assertThat(bar.getBlue() - bar.getRed()).as("bar colour at the bottom of a bucket").isGreaterThan(0.2);
    }

    @Test
    void rejectsMismatchedEdges() {
        assertThatThrownBy(() -> histogram.setData(new double[] {0, 1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> histogram.setData(new double[] {0, 0}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> {
            histogram.redrawNow();
            image[0] = histogram.canvas().snapshot(null, null);
        });
        return image[0];
    }

    private static int countReddish(WritableImage image, int column, Rectangle2D area) {
        int n = 0;
        for (int row = (int) area.getMinY() + 1; row < area.getMaxY() - 1; row++) {
            for (int col = column - 1; col <= column + 1; col++) {
                Color c = image.getPixelReader().getColor(col, row);
                if (c.getRed() - c.getBlue() > 0.25) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }
}
