package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.plot.Buckets;
import dev.tunescope.plot.XAxis;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.ui.chart.ChartLegend;
import dev.tunescope.ui.chart.HeatmapCanvas;
import dev.tunescope.ui.chart.HistogramCanvas;
import dev.tunescope.ui.chart.LineChartCanvas;
import dev.tunescope.ui.chart.Marker;
import dev.tunescope.ui.chart.NamedSeries;
import dev.tunescope.ui.chart.ScatterCanvas;
import dev.tunescope.ui.chart.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The plots of the selected runs, every point drawn (M4 per pixel column): any scalar of the selected runs against
 * step with a wrapping legend, log-y, outliers ignored in the y range, EMA smoothing and unstable trials' first
 * unstable steps marked; the gradient norms of the clipping run with the threshold the clipping panel's slider
 * sets, as a curve and as a histogram; the hyperparameter axis; and histograms over time. What is shown is
 * computed by {@link CurvesModel} and {@link HyperparameterAxisModel}; the charts prepare their series in their own
 * {@link Background} lanes, so a newer selection supersedes an older one.
 */
public final class PlotsView extends VBox {
    private static final MetricAliases ALIASES = MetricAliases.defaults();
    private static final int HISTOGRAM_BUCKETS = 40;
    /** The lanes the charts prepare their series in: a newer request in a lane supersedes an older one. */
    static final String CURVES_LANE = "chart data: curves";
    static final String NORMS_LANE = "chart data: gradient norms";

    private final WorkspaceViewModel workspace;
    private final ClippingPanelModel clipping;
    private final CurvesModel model = new CurvesModel(ALIASES);
    private final LineChartCanvas curves;
    private final LineChartCanvas norms;
    private final HistogramCanvas histogram = new HistogramCanvas();
    private final ComboBox<String> metric = new ComboBox<>();
    private final ComboBox<String> hyperparameter = new ComboBox<>();
    private final ComboBox<XAxis> xAxis = new ComboBox<>();
    private final HistogramsTab histograms;
    private final ScatterCanvas scatter = new ScatterCanvas();
    private final TabPane tabs;
    private final ChartGrid grid;
    private final javafx.scene.control.ToggleButton fourCharts = new javafx.scene.control.ToggleButton("4 charts");
    private HyperparameterAxisModel axis;
    private List<Marker> onsets = List.of();
    private Object folder;
    /** Set while the metric chooser's entries are replaced: the chooser passes through no value meanwhile. */
    private boolean updatingChoices;

    public PlotsView(WorkspaceViewModel workspace, ClippingPanelModel clipping, Background background) {
        this.workspace = workspace;
        this.clipping = clipping;
        curves = new LineChartCanvas(background, CURVES_LANE);
        norms = new LineChartCanvas(background, NORMS_LANE);
        histograms = new HistogramsTab(workspace);
        curves.setId("loss-chart");
        norms.setId("grad-norm-chart");
        histogram.setId("grad-norm-histogram");
        metric.setId("metric");
        metric.getItems().setAll(CurvesModel.choices(List.of()));
        metric.setValue(CurvesModel.name(MetricRole.TRAIN_LOSS));
        metric.valueProperty().addListener((obs, old, now) -> {
            if (!updatingChoices) {
                showCurves();
            }
        });
        curves.setLogY(true);
        curves.ignoreOutliersProperty().set(true);
        norms.yTitleProperty().set("gradient norm");
        grid = new ChartGrid(background, curves);
        VBox.setVgrow(curves, Priority.ALWAYS);
        VBox.setVgrow(grid, Priority.ALWAYS);
        VBox lossTab = new VBox(curvesTools(), new ChartLegend(curves), curves);
        fourCharts.setId("four-charts");
        fourCharts.setTooltip(new javafx.scene.control.Tooltip("Charts: 1 / 4. Four charts side by side: train "
                + "loss, eval loss, gradient norm and learning rate of the selected runs"));
        fourCharts.selectedProperty().addListener((obs, was, is) -> {
            lossTab.getChildren().set(2, is ? grid : curves);
            showCurves();
        });
        VBox.setVgrow(norms, Priority.ALWAYS);
        VBox.setVgrow(histogram, Priority.ALWAYS);
        VBox clipTab = new VBox(norms, histogram);
        tabs = new TabPane(new Tab("Curves", lossTab), new Tab("Gradient norm", clipTab),
                new Tab("Hyperparameter axis", axisTab()), new Tab("Histograms", histograms));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().add(tabs);
        workspace.workspaceProperty().addListener((obs, old, now) -> {
            Object opened = now == null ? null : now.folder();
            if (!Objects.equals(opened, folder)) {
                folder = opened;
                model.newFolder(); // colours hold while a folder is open, and start over with the next
            }
        });
        workspace.selectedRuns().addListener((ListChangeListener<Run>) change -> {
            onsets = List.of();
            showCurves();
        });
        workspace.diagnosisProperty().addListener((obs, old, now) -> {
            showCurves();
            showNorms();
            showAxis();
        });
        // the readout is the last of the clipping model's values to change: by then the threshold is current too
        clipping.readoutProperty().addListener((obs, old, now) -> showThreshold());
        clipping.runProperty().addListener((obs, old, now) -> showNorms());
        showCurves();
        showNorms();
        showAxis();
    }

    /** The curves' controls; they wrap onto a second row rather than being squeezed to "M...". */
    private javafx.scene.layout.FlowPane curvesTools() {
        xAxis.setId("x-axis");
        xAxis.getItems().setAll(XAxis.values());
        xAxis.setValue(XAxis.STEP);
        xAxis.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(XAxis axis) {
                return axis == null ? "" : axis.title();
            }

            @Override
            public XAxis fromString(String text) {
                return java.util.Arrays.stream(XAxis.values()).filter(a -> a.title().equals(text)).findFirst()
                        .orElse(XAxis.STEP);
            }
        });
        xAxis.valueProperty().addListener((obs, old, now) -> showCurves());
        CheckBox logY = new CheckBox("log y");
        logY.selectedProperty().bindBidirectional(curves.logYProperty());
        CheckBox outliers = new CheckBox("ignore outliers");
        outliers.setTooltip(new javafx.scene.control.Tooltip("Fit y to the 1st-99th percentile of the values, so "
                + "that a diverging run does not flatten the others"));
        outliers.selectedProperty().bindBidirectional(curves.ignoreOutliersProperty());
        javafx.scene.layout.FlowPane tools = new javafx.scene.layout.FlowPane(10, 4, new Label("Metric"), metric,
                new Label("x"), xAxis, fourCharts, logY, outliers, new Label("Smoothing"), SmoothingControl.of(curves.smoothingProperty()));
        tools.getChildren().forEach(node -> {
            if (node instanceof javafx.scene.control.Control control) {
                control.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
            }
        });
        tools.setAlignment(Pos.CENTER_LEFT);
        tools.setPadding(new Insets(4));
        return tools;
    }

    private VBox axisTab() {
        hyperparameter.setValue("lr");
        hyperparameter.valueProperty().addListener((obs, old, now) -> showAxis());
        scatter.setId("hyperparameter-axis");
        scatter.setInteraction(i -> axis == null ? "" : axis.describe(i), i -> selectRun(axis.runs().get(i)));
        HBox tools = new HBox(10, new Label("Hyperparameter on x"), hyperparameter);
        tools.setPadding(new Insets(4));
        VBox.setVgrow(scatter, Priority.ALWAYS);
        return new VBox(tools, scatter);
    }

    /** Each sweep trial's best loss against the chosen hyperparameter. */
    private void showAxis() {
        axis = HyperparameterAxisModel.of(workspace.diagnosisProperty().get(), workspace.studies(),
                Optional.ofNullable(hyperparameter.getValue()).orElse("lr"));
        if (!Set.copyOf(axis.names()).equals(Set.copyOf(hyperparameter.getItems()))) {
            String chosen = hyperparameter.getValue();
            hyperparameter.getItems().setAll(axis.names());
            hyperparameter.setValue(chosen);
        }
        scatter.show(axis.points(), axis.xType(), axis.xLabel(), axis.yLabel(), axis.note());
    }

    /**
     * Shows a finding's evidence: switches the curves to its metric, zooms to its steps with y fitted to the
     * points there, and marks its onsets (the runs it names are selected by the caller, first).
     */
    public void showEvidence(FindingEvidence evidence) {
        tabs.getSelectionModel().select(0);
        fourCharts.setSelected(false); // the evidence is one metric, zoomed: shown on the one chart
        xAxis.setValue(XAxis.STEP); // a finding's evidence is at steps
        onsets = evidence.onsets().stream().map(step -> new Marker(step, "onset")).toList();
        evidence.metric().map(CurvesModel::name).ifPresent(metric::setValue);
        showMarkers();
        evidence.range().ifPresent(range -> curves.zoomToAndFitY(range.from(), range.to()));
    }

    private void selectRun(String path) {
        workspace.studies().stream().flatMap(s -> s.runs().stream()).filter(r -> r.path().equals(path)).findFirst()
                .ifPresent(run -> workspace.selectedRuns().setAll(run));
    }

    /** Shows an unstable trial: selects its run and zooms to its first unstable step, y fitted. */
    public void showUnstable(InstabilityPanelModel.UnstableRow row) {
        List<Run> runs = workspace.studies().stream().flatMap(s -> s.runs().stream())
                .filter(r -> r.path().equals(row.run())).toList();
        if (!runs.isEmpty()) {
            workspace.selectedRuns().setAll(runs);
        }
        long pad = Math.max(10, row.firstStep() / 5);
        showEvidence(new FindingEvidence(List.of(row.run()), Optional.empty(), Optional.of(
                new FindingEvidence.StepRange(Math.max(0, row.firstStep() - pad), row.firstStep() + pad)),
                List.of()));
    }

    private void showCurves() {
        List<Run> selected = List.copyOf(workspace.selectedRuns());
        List<String> choices = CurvesModel.choices(selected);
        if (!choices.equals(metric.getItems())) {
            String chosen = metric.getValue();
            updatingChoices = true;
            metric.getItems().setAll(choices);
            metric.setValue(chosen != null && choices.contains(chosen) ? chosen : choices.get(0));
            updatingChoices = false;
        }
        String choice = metric.getValue();
        XAxis x = xAxis.getValue();
        curves.yTitleProperty().set(choice == null ? "" : choice);
        curves.xTitleProperty().set(x.title());
        curves.xAxisProperty().set(x);
        // marks are at steps: on a time axis they would land at a step's number of milliseconds
        curves.show(model.series(selected, choice, workspace.studies(), x), x == XAxis.STEP ? marks() : List.of(),
                gradNormThreshold());
        if (fourCharts.isSelected()) {
            grid.show(model, selected, workspace.studies(), x);
        }
    }

    private void showMarkers() {
        curves.setVerticalMarkers(xAxis.getValue() == XAxis.STEP ? marks() : List.of());
    }

    /** The unstable trials' first unstable steps, and the onsets of the finding shown. */
    private List<Marker> marks() {
        List<Marker> marks = new ArrayList<>(CurvesModel.markers(workspace.diagnosisProperty().get(),
                workspace.selectedRuns()));
        onsets.stream().filter(o -> marks.stream().noneMatch(m -> m.step() == o.step())).forEach(marks::add);
        return marks;
    }

    /** The clipping threshold, where the curves show gradient norms. */
    private List<Threshold> gradNormThreshold() {
        double t = clipping.thresholdProperty().get();
        boolean gradNorm = CurvesModel.name(MetricRole.GRAD_NORM).equals(metric.getValue());
        return gradNorm && Double.isFinite(t) ? List.of(new Threshold(t, clipping.readoutProperty().get()))
                : List.of();
    }

    private void showNorms() {
        Optional<Run> run = workspace.studies().stream().flatMap(s -> s.runs().stream())
                .filter(r -> r.path().equals(clipping.runProperty().get())).findFirst();
        norms.setSeries(run.flatMap(r -> r.scalar(MetricRole.GRAD_NORM, ALIASES)
                .map(s -> List.of(new NamedSeries("grad norm, " + r.name(), s)))).orElse(List.of()));
        Buckets buckets = Buckets.of(clipping.norms(), HISTOGRAM_BUCKETS);
        histogram.setData(buckets.edges(), buckets.counts());
        showThreshold();
    }

    /** The clipping panel's threshold and readout, exactly as the panel shows them now, on every chart of norms. */
    private void showThreshold() {
        double t = clipping.thresholdProperty().get();
        List<Threshold> line = Double.isFinite(t) ? List.of(new Threshold(t, clipping.readoutProperty().get()))
                : List.of();
        norms.setThresholds(line);
        if (Double.isFinite(t)) {
            histogram.setThreshold(t, clipping.readoutProperty().get());
        }
        curves.setThresholds(gradNormThreshold());
    }

    public HeatmapCanvas heatmap() {
        return histograms.heatmap();
    }

    /** What the hyperparameter axis plot shows now. */
    public HyperparameterAxisModel axis() {
        return axis;
    }

    public ScatterCanvas scatter() {
        return scatter;
    }

    public LineChartCanvas curves() {
        return curves;
    }

    /** The four charts shown side by side while "4 charts" is on. */
    public List<LineChartCanvas> grid() {
        return grid.charts();
    }

    public LineChartCanvas norms() {
        return norms;
    }

    public HistogramCanvas histogram() {
        return histogram;
    }

    /** The metric the curves show now, as the chooser names it. */
    public String metric() {
        return metric.getValue();
    }

    /** The chart on the tab being shown, for saving it as a picture. */
    public Node visibleChart() {
        return tabs.getSelectionModel().getSelectedIndex() == 0 ? (fourCharts.isSelected() ? grid : curves) : tabs.getSelectionModel().getSelectedItem()
                .getContent();
    }

    public void toggleLogY() {
        curves.setLogY(!curves.isLogY());
    }

    public void resetZoom() {
        curves.resetZoom();
        norms.resetZoom();
    }
}
