package dev.tunescope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ScalarSeries;
import dev.tunescope.ui.Background;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The chart prepares series in its own lane of the app's real background: a large selection still being prepared
 * when a small one is asked for must never land after it.
 */
@ExtendWith(ApplicationExtension.class)
class StaleSeriesTest {
    private LineChartCanvas chart;

    @Start
    void start(Stage stage) {
        chart = new LineChartCanvas(Background.fx(), "curves");
        stage.setScene(new Scene(new StackPane(chart), 600, 400));
        stage.show();
    }

    @Test
    void aLargeStaleSelectionNeverOverwritesANewerSmallOne() throws Exception {
        List<NamedSeries> large = List.of(new NamedSeries("large a", ramp(4_000_000)),
                new NamedSeries("large b", ramp(4_000_001)));
        List<NamedSeries> small = List.of(new NamedSeries("small", ramp(10)));
        chart.setSeries(large); // ~100 ms of pyramids and ranges on a background thread
        chart.setSeries(small); // ready at once, on the other thread
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !chart.getSeries().isEmpty());
        Thread.sleep(3_000); // long enough for the large one to finish too
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.getSeries()).isEqualTo(small);
        assertThat(chart.seriesProperty().get()).isEqualTo(small);
    }

    @Test
    void showingOtherSeriesWithTheirMarksDrawsOnceWhenTheyArePrepared() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        int before = on(chart::drawCount);
        List<NamedSeries> large = List.of(new NamedSeries("large", ramp(4_000_000)));
        org.testfx.api.FxToolkit.setupFixture(() -> chart.show(large, List.of(new Marker(10, "onset")),
                List.of(new Threshold(1.5, "p90"))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getSeries().equals(large));
        Thread.sleep(200); // a pulse or more for the draw
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(on(chart::drawCount) - before).isEqualTo(1);
    }

    private static <T> T on(java.util.concurrent.Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    private static ScalarSeries ramp(int n) {
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
            values[i] = 1 + (double) i / n;
        }
        return ScalarSeries.of("ramp", steps, values);
    }
}
