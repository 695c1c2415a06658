package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.ClippingAdvisor;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.InstabilityRule;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.ui.chart.NamedSeries;
import dev.tunescope.ui.chart.Threshold;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The plots of the real main window on the sample runs: legend, colours, evidence, the clipping slider. */
@ExtendWith(ApplicationExtension.class)
class PlotsViewTest {
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, Background.direct(), UiPreferences.inMemory());
        stage.show();
        window.open(Path.of("sample-runs"));
    }

    private PlotsView plots() {
        return window.plots();
    }

    private List<Run> runs(String study) {
        return window.workspace().studies().stream().flatMap(s -> s.runs().stream())
                .filter(r -> r.path().startsWith(study + "/")).toList();
    }

    private String colorOf(String runName) {
        return plots().curves().getSeries().stream().filter(s -> s.name().contains(runName)).findFirst()
                .map(NamedSeries::color).orElseThrow();
    }

    @Test
    void clickingALegendEntryHidesItsRunAndClickingAgainShowsIt(FxRobot robot) {
        List<Run> sweep = runs("post-ln-lr-sweep");
        robot.interact(() -> window.workspace().selectedRuns().setAll(sweep));
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> entries = robot.lookup(".legend-entry").queryAllAs(Label.class).stream().toList();
        assertThat(entries).hasSize(sweep.size());
        Label first = entries.get(0);
        String name = (String) first.getUserData();
        robot.clickOn(first);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plots().curves().hidden()).containsExactly(name);
        double middle = plots().curves().plotArea().getMinX() + plots().curves().plotArea().getWidth() / 2;
        String[] reading = new String[1];
        robot.interact(() -> reading[0] = plots().curves().readoutAt(middle));
        assertThat(reading[0]).doesNotContain(name + ":");
        Label again = robot.lookup(".legend-entry").queryAllAs(Label.class).stream()
                .filter(l -> name.equals(l.getUserData())).findFirst().orElseThrow();
        robot.clickOn(again);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plots().curves().hidden()).isEmpty();
    }

    @Test
    void altClickingALegendEntryShowsThatRunAloneAndAgainShowsAll(FxRobot robot) {
        List<Run> sweep = runs("post-ln-lr-sweep");
        robot.interact(() -> window.workspace().selectedRuns().setAll(sweep));
        WaitForAsyncUtils.waitForFxEvents();
        Label third = robot.lookup(".legend-entry").queryAllAs(Label.class).stream().toList().get(2);
        String name = (String) third.getUserData();
        robot.press(javafx.scene.input.KeyCode.ALT).clickOn(third).release(javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plots().curves().hidden()).hasSize(sweep.size() - 1).doesNotContain(name);
        Label again = robot.lookup(".legend-entry").queryAllAs(Label.class).stream()
                .filter(l -> name.equals(l.getUserData())).findFirst().orElseThrow();
        robot.press(javafx.scene.input.KeyCode.ALT).clickOn(again).release(javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plots().curves().hidden()).isEmpty();
    }

    @Test
    void aRunKeepsItsColourWhateverElseIsSelected(FxRobot robot) {
        List<Run> sweep = runs("post-ln-lr-sweep");
        robot.interact(() -> window.workspace().selectedRuns().setAll(sweep));
        String together = colorOf(sweep.get(3).name());
        robot.interact(() -> window.workspace().selectedRuns().setAll(sweep.get(3)));
        assertThat(plots().curves().getSeries()).singleElement();
        assertThat(colorOf(sweep.get(3).name())).isEqualTo(together);
        robot.interact(() -> window.workspace().selectedRuns().setAll(sweep.get(5), sweep.get(3)));
        assertThat(colorOf(sweep.get(3).name())).isEqualTo(together);
        assertThat(colorOf(sweep.get(5).name())).isNotEqualTo(together);
    }

    @Test
    void runsOfTwoStudiesWithTheSameNameGetDifferentLabels(FxRobot robot) {
        Run post = runs("post-ln-lr-sweep").get(0);
        Run pre = runs("pre-ln-lr-sweep").stream().filter(r -> r.name().equals(post.name())).findFirst()
                .orElseThrow();
        robot.interact(() -> window.workspace().selectedRuns().setAll(post, pre));
        assertThat(plots().curves().getSeries()).extracting(NamedSeries::name).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).contains(post.name()).contains(" / "));
    }

    @Test
    void theClippingFindingShowsGradientNormsOfItsRun(FxRobot robot) {
        int index = findingIndex(robot, f -> f.rule().equals(ClippingAdvisor.RULE)
                && !f.evidence().runs().isEmpty());
        Finding finding = finding(robot, index);
        robot.interact(() -> findings(robot).getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plots().metric()).isEqualTo("grad norm");
        assertThat(window.workspace().selectedRuns()).extracting(Run::path)
                .containsExactlyElementsOf(finding.evidence().runs());
        String tag = MetricAliases.defaults().find(MetricRole.GRAD_NORM,
                window.workspace().selectedRuns().get(0).scalars().keySet()).orElseThrow();
        assertThat(plots().curves().getSeries()).isNotEmpty()
                .allSatisfy(s -> assertThat(s.series().tag()).isEqualTo(tag));
    }

    @Test
    void anInstabilityFindingZoomsToItsStepsWithYFittedToThem(FxRobot robot) {
        int index = findingIndex(robot, f -> f.rule().equals(InstabilityRule.RULE)
                && f.evidence().runs().size() == 1 && !f.evidence().marks().isEmpty());
        Finding finding = finding(robot, index);
        robot.interact(() -> findings(robot).getSelectionModel().select(index));
        WaitForAsyncUtils.waitForFxEvents();
        FindingEvidence evidence = FindingEvidence.of(finding, MetricAliases.defaults());
        var range = evidence.range().orElseThrow();
        assertThat(plots().curves().visibleXRange().min()).isEqualTo(range.from());
        assertThat(plots().curves().visibleXRange().max()).isEqualTo(range.to());
        var series = plots().curves().getSeries().get(0).series();
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (int i = 0; i < series.size(); i++) {
            if (series.step(i) >= range.from() && series.step(i) <= range.to() && series.value(i) > 0
                    && series.value(i) < Double.POSITIVE_INFINITY) {
                low = Math.min(low, series.value(i));
                high = Math.max(high, series.value(i));
            }
        }
        var y = plots().curves().visibleYRange();
        assertThat(y.min()).isLessThanOrEqualTo(low).isGreaterThan(low / 2);
        assertThat(y.max()).isGreaterThanOrEqualTo(high).isLessThan(high * 2);
    }

    @Test
    void theGradientNormChartShowsTheSlidersThresholdAtOnce(FxRobot robot) {
        Slider slider = robot.lookup("#clip-percentile").queryAs(Slider.class);
        Label readout = robot.lookup("#clip-readout").queryAs(Label.class);
        for (double percentile : new double[] {46.57, 52.91, 90}) {
            robot.interact(() -> slider.setValue(percentile));
            Threshold shown = plots().norms().getThresholds().get(0);
            assertThat(shown.label()).isEqualTo(readout.getText()).startsWith("p" + dev.tunescope.diagnose.Text
                    .number(percentile) + " = ");
            assertThat(shown.label()).contains(" = " + dev.tunescope.diagnose.Text.number(shown.value()) + ":");
            assertThat(plots().histogram().getThreshold()).isEqualTo(shown.value());
            assertThat(plots().histogram().getThresholdLabel()).isEqualTo(readout.getText());
        }
    }

    @Test
    void hoveringATrialOnTheHyperparameterAxisNamesItAndClickingSelectsItsRun(FxRobot robot) {
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        HyperparameterAxisModel axis = plots().axis();
        int star = java.util.stream.IntStream.range(0, axis.points().size())
                .filter(i -> axis.points().get(i).style() == dev.tunescope.export.MarkerStyle.HIGHLIGHTED)
                .findFirst().orElseThrow();
        var scatter = plots().scatter();
        double[] pixel = new double[2];
        robot.interact(() -> System.arraycopy(scatter.pixelOf(star), 0, pixel, 0, 2));
        assertThat(scatter.pointAt(pixel[0] + 3, pixel[1] - 2)).isEqualTo(star);
        assertThat(axis.describe(star)).startsWith(axis.runs().get(star) + ": lr = 0.00316, best ");
        robot.clickOn(scatter.canvas().localToScreen(pixel[0], pixel[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.workspace().selectedRuns()).singleElement()
                .satisfies(r -> assertThat(r.path()).isEqualTo(axis.runs().get(star)));
    }

    @Test
    void theHeatmapNamesItsRunAndReadsTheBucketUnderThePointer(FxRobot robot) {
        javafx.scene.control.TabPane tabs = robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();
        var heatmap = plots().heatmap();
        Run first = window.workspace().selectedRuns().stream().filter(r -> !r.histograms().isEmpty()).findFirst()
                .orElseThrow();
        assertThat(heatmap.title()).startsWith("grad/values of " + first.name());
        double[] centre = {heatmap.getWidth() / 2, heatmap.getHeight() / 2};
        assertThat(heatmap.readingAt(centre[0], centre[1])).matches("step \\d+, \\[.*\\]: \\d+|step \\d+: no values.*");
        assertThat(heatmap.readingAt(2, 2)).isEmpty();
    }

    @Test
    void theHeatmapRampGoesFromDimToBrightOnTheDarkThemeAndPaleToDarkOnTheLight(FxRobot robot) {
        var dark = dev.tunescope.ui.chart.ChartTheme.DARK;
        robot.interact(() -> dev.tunescope.ui.chart.ChartTheme.CURRENT.set(dark));
        try {
            double few = brightness(0.02);
            double many = brightness(1);
            assertThat(many).isGreaterThan(few + 0.4);
            assertThat(few).as("few is still told from the background").isGreaterThan(
                    dark.background().getBrightness() + 0.15);
        } finally {
            robot.interact(() -> dev.tunescope.ui.chart.ChartTheme.CURRENT.set(dev.tunescope.ui.chart.ChartTheme.LIGHT));
        }
        assertThat(brightness(0.02)).isGreaterThan(brightness(1) + 0.4);
    }

    private static double brightness(double share) {
        return dev.tunescope.ui.chart.HeatmapCanvas.shade(share).getBrightness();
    }

    @Test
    void relativeTimeOnXStartsEveryRunAtZeroAndReadsAsTime(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.tunescope.plot.XAxis> x = robot.lookup("#x-axis")
                .queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> x.setValue(dev.tunescope.plot.XAxis.RELATIVE_TIME));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plots().curves().xTitleProperty().get()).isEqualTo("relative time");
        assertThat(plots().curves().getSeries()).isNotEmpty().allSatisfy(s -> assertThat(s.series().step(0)).isZero());
        double middle = plots().curves().plotArea().getMinX() + plots().curves().plotArea().getWidth() / 2;
        String[] reading = new String[1];
        robot.interact(() -> reading[0] = plots().curves().readoutAt(middle));
        assertThat(reading[0]).startsWith("relative time ");
    }

    @Test
    void fourChartsShowEachMetricInTheRunsColoursAndFollowTheLegend(FxRobot robot) {
        List<Run> sweep = runs("post-ln-lr-sweep");
        robot.interact(() -> window.workspace().selectedRuns().setAll(sweep));
        robot.clickOn("#four-charts");
        WaitForAsyncUtils.waitForFxEvents();
        List<dev.tunescope.ui.chart.LineChartCanvas> grid = plots().grid();
        assertThat(grid).hasSize(4);
        assertThat(grid).allSatisfy(chart -> assertThat(chart.isVisible() && chart.getScene() != null).isTrue());
        List<MetricRole> roles = List.of(MetricRole.TRAIN_LOSS, MetricRole.EVAL_LOSS, MetricRole.GRAD_NORM,
                MetricRole.LEARNING_RATE);
        for (int i = 0; i < 4; i++) {
            MetricRole role = roles.get(i);
            assertThat(grid.get(i).getSeries()).as(role.toString()).hasSize(sweep.size()).allSatisfy(s -> {
                assertThat(s.series().tag()).isEqualTo(MetricAliases.defaults().find(role,
                        sweep.get(0).scalars().keySet()).orElseThrow());
                assertThat(s.color()).isEqualTo(colorOf(s.name()));
            });
        }
        String name = plots().curves().getSeries().get(1).name();
        robot.interact(() -> plots().curves().hidden().add(name));
        assertThat(grid).allSatisfy(chart -> assertThat(chart.hidden()).containsExactly(name));
    }

    private static ListView<Finding> findings(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<Finding> list = robot.lookup("#findings").queryAs(ListView.class);
        return list;
    }

    private static Finding finding(FxRobot robot, int index) {
        return findings(robot).getItems().get(index);
    }

    private static int findingIndex(FxRobot robot, java.util.function.Predicate<Finding> which) {
        List<Finding> items = findings(robot).getItems();
        for (int i = 0; i < items.size(); i++) {
            if (which.test(items.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no such finding among " + items.size());
    }
}
