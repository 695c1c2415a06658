package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.TrialStability;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.ui.chart.HistogramCanvas;
import dev.tunescope.ui.chart.LineChartCanvas;
import dev.tunescope.ui.chart.Marker;
import dev.tunescope.ui.chart.NamedSeries;
import dev.tunescope.ui.chart.Threshold;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The plots of the selected runs, every point drawn (M4 per pixel column): a metric against step with log-y and
 * EMA smoothing (the raw curve stays faintly behind), unstable trials' first unstable steps marked; and the
 * gradient norms of the clipping run with the clipping threshold the panel's slider sets, as a curve and as a
 * histogram.
 */
public final class PlotsView extends VBox {
    private static final MetricAliases ALIASES = MetricAliases.defaults();
    /** Series for the curves are prepared in this lane: a newer selection supersedes an older one. */
    static final String CHART_DATA = "chart data";

    private final WorkspaceViewModel workspace;
    private final ClippingPanelModel clipping;
    private final LineChartCanvas curves = new LineChartCanvas();
    private final LineChartCanvas norms = new LineChartCanvas();
    private final HistogramCanvas histogram = new HistogramCanvas();
    private final ComboBox<MetricRole> metric = new ComboBox<>();
    private final ComboBox<String> hyperparameter = new ComboBox<>();
    private final ComboBox<String> histogramTag = new ComboBox<>();
    private final dev.tunescope.ui.chart.HeatmapCanvas heatmap = new dev.tunescope.ui.chart.HeatmapCanvas();
    private final dev.tunescope.ui.chart.ScatterCanvas scatter = new dev.tunescope.ui.chart.ScatterCanvas();

    private final Background background;

    public PlotsView(WorkspaceViewModel workspace, ClippingPanelModel clipping, Background background) {
        this.workspace = workspace;
        this.background = background;
        this.clipping = clipping;
        curves.setId("loss-chart");
        norms.setId("grad-norm-chart");
        histogram.setId("grad-norm-histogram");
        metric.getItems().setAll(MetricRole.TRAIN_LOSS, MetricRole.EVAL_LOSS, MetricRole.GRAD_NORM,
                MetricRole.LEARNING_RATE);
        metric.setValue(MetricRole.TRAIN_LOSS);
        metric.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(MetricRole role) {
                return role == null ? "" : role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            }

            @Override
            public MetricRole fromString(String text) {
                return MetricRole.valueOf(text.toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
            }
        });
        metric.valueProperty().addListener((obs, old, now) -> showCurves());
        CheckBox logY = new CheckBox("log y");
        logY.selectedProperty().bindBidirectional(curves.logYProperty());
        curves.setLogY(true);
        Slider smoothing = new Slider(0, 0.99, 0);
        smoothing.setTooltip(new Tooltip("EMA smoothing (TensorBoard-style); the raw curve stays faintly behind"));
        smoothing.valueProperty().bindBidirectional(curves.smoothingProperty());
        Label readout = new Label();
        readout.textProperty().bind(curves.readoutProperty());
        HBox tools = new HBox(10, new Label("Metric"), metric, logY, new Label("Smoothing"), smoothing, readout);
        tools.setPadding(new Insets(4));
        VBox.setVgrow(curves, Priority.ALWAYS);
        VBox lossTab = new VBox(tools, curves);
        VBox.setVgrow(norms, Priority.ALWAYS);
        VBox.setVgrow(histogram, Priority.ALWAYS);
        VBox clipTab = new VBox(norms, histogram);
        TabPane tabs = new TabPane(new Tab("Curves", lossTab), new Tab("Gradient norm", clipTab),
                new Tab("Hyperparameter axis", axisTab()), new Tab("Histograms", histogramTab()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().add(tabs);
        workspace.selectedRuns().addListener((ListChangeListener<Run>) change -> showCurves());
        workspace.diagnosisProperty().addListener((obs, old, now) -> {
            showCurves();
            showNorms();
            showAxis();
        });
        clipping.thresholdProperty().addListener((obs, old, now) -> showThreshold());
        showCurves();
        showNorms();
        showAxis();
    }

    private VBox histogramTab() {
        histogramTag.valueProperty().addListener((obs, old, now) -> showHeatmap());
        heatmap.setId("histogram-heatmap");
        HBox tools = new HBox(10, new Label("Histogram"), histogramTag);
        tools.setPadding(new Insets(4));
        VBox.setVgrow(heatmap, Priority.ALWAYS);
        workspace.selectedRuns().addListener((ListChangeListener<Run>) change -> {
            java.util.Set<String> tags = new java.util.TreeSet<>();
            workspace.selectedRuns().forEach(r -> tags.addAll(r.histograms().keySet()));
            String chosen = histogramTag.getValue();
            histogramTag.getItems().setAll(tags);
            histogramTag.setValue(chosen != null && tags.contains(chosen) ? chosen : tags.stream().findFirst().orElse(null));
            showHeatmap();
        });
        return new VBox(tools, heatmap);
    }

    /** The chosen histogram tag of the first selected run that logged it, over time. */
    private void showHeatmap() {
        String tag = histogramTag.getValue();
        heatmap.show(tag == null ? null : workspace.selectedRuns().stream().map(r -> r.histograms().get(tag))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null));
    }

    public dev.tunescope.ui.chart.HeatmapCanvas heatmap() {
        return heatmap;
    }

    private VBox axisTab() {
        hyperparameter.setValue("lr");
        hyperparameter.valueProperty().addListener((obs, old, now) -> showAxis());
        scatter.setId("hyperparameter-axis");
        HBox tools = new HBox(10, new Label("Hyperparameter on x"), hyperparameter);
        tools.setPadding(new Insets(4));
        VBox.setVgrow(scatter, Priority.ALWAYS);
        return new VBox(tools, scatter);
    }

    /**
     * Each sweep trial's best loss against a hyperparameter (learning rate by default, on a log axis): lr*
     * highlighted, unstable trials as hollow triangles, the boundary verdict under the plot.
     */
    private void showAxis() {
        Optional<Diagnosis> diagnosis = workspace.diagnosisProperty().get();
        Optional<dev.tunescope.diagnose.LrStarRule.LrStar> star = diagnosis.flatMap(Diagnosis::lrStar);
        java.util.Map<String, Double> best = new java.util.HashMap<>();
        star.ifPresent(s -> s.ranking().forEach(r -> best.put(r.run(), r.score())));
        java.util.Set<String> unstable = new java.util.HashSet<>();
        diagnosis.flatMap(Diagnosis::instability).ifPresent(r -> r.unstable().forEach(t -> unstable.add(t.run())));
        java.util.Map<String, Run> runs = new java.util.HashMap<>();
        workspace.studies().forEach(st -> st.runs().forEach(r -> runs.put(r.path(), r)));
        java.util.Set<String> names = new java.util.TreeSet<>();
        List<dev.tunescope.ui.chart.ScatterCanvas.Point> points = new java.util.ArrayList<>();
        String name = Optional.ofNullable(hyperparameter.getValue()).orElse("lr");
        for (var trial : diagnosis.map(Diagnosis::sweep).orElse(List.of())) {
            Run run = runs.get(trial.run());
            if (run != null) {
                run.hyperparameters().values().forEach((k, v) -> v.asNumber().ifPresent(n -> names.add(k)));
            }
            double x = name.equals("lr") ? trial.learningRate()
                    : Optional.ofNullable(run).flatMap(r -> r.hyperparameters().number(name)).orElse(Double.NaN);
            if (!Double.isFinite(x)) {
                continue;
            }
            boolean isStar = star.map(s -> s.run().equals(trial.run())).orElse(false);
            dev.tunescope.export.MarkerStyle style = isStar ? dev.tunescope.export.MarkerStyle.HIGHLIGHTED
                    : unstable.contains(trial.run()) ? dev.tunescope.export.MarkerStyle.DISTINCT
                    : dev.tunescope.export.MarkerStyle.NORMAL;
            points.add(new dev.tunescope.ui.chart.ScatterCanvas.Point(x, best.getOrDefault(trial.run(), Double.NaN),
                    style, isStar ? "lr*" : ""));
        }
        if (!names.equals(new java.util.TreeSet<>(hyperparameter.getItems()))) {
            String chosen = hyperparameter.getValue();
            hyperparameter.getItems().setAll(names.isEmpty() ? List.of("lr") : List.copyOf(names));
            hyperparameter.setValue(chosen);
        }
        boolean positive = points.stream().allMatch(p -> p.x() > 0);
        String note = star.map(s -> switch (s.boundary()) {
            case INTERIOR -> "lr* = " + Text.number(s.value()) + " is inside the searched range.";
            case LOWEST, HIGHEST -> "lr* = " + Text.number(s.value())
                    + " is at the edge of the searched range: the sweep is inconclusive, extend it.";
            case SINGLE_LEARNING_RATE -> "Only one learning rate was tried.";
        }).orElse("") + "   (blue dot: trial, large orange dot: lr*, hollow triangle: unstable)";
        scatter.show(points, positive ? dev.tunescope.plot.ScaleType.LOG : dev.tunescope.plot.ScaleType.LINEAR, name,
                "best " + star.map(dev.tunescope.diagnose.LrStarRule.LrStar::metric).orElse("loss"), note);
    }

    public dev.tunescope.ui.chart.ScatterCanvas scatter() {
        return scatter;
    }

    public LineChartCanvas curves() {
        return curves;
    }

    public LineChartCanvas norms() {
        return norms;
    }

    public HistogramCanvas histogram() {
        return histogram;
    }

    /** The chart on the tab being shown, for saving it as a picture. */
    public javafx.scene.Node visibleChart() {
        TabPane tabs = (TabPane) getChildren().get(0);
        return tabs.getSelectionModel().getSelectedIndex() == 0 ? curves : tabs.getSelectionModel().getSelectedItem()
                .getContent();
    }

    public void toggleLogY() {
        curves.setLogY(!curves.isLogY());
    }

    public void resetZoom() {
        curves.resetZoom();
        norms.resetZoom();
    }

    /** Jumps to an unstable trial's first unstable step, with some context either side. */
    public void showUnstable(InstabilityPanelModel.UnstableRow row) {
        long pad = Math.max(10, row.firstStep() / 5);
        curves.zoomTo(Math.max(0, row.firstStep() - pad), row.firstStep() + pad);
    }

    private void showCurves() {
        MetricRole role = metric.getValue();
        List<NamedSeries> series = workspace.selectedRuns().stream()
                .flatMap(run -> run.scalar(role, ALIASES).map(s -> new NamedSeries(label(run), s)).stream())
                .toList();
        // building the charts' min/max pyramids takes ~28 ms per 5 million points: not on the FX thread, and a
        // newer selection supersedes an older one still being prepared
        background.run(CHART_DATA, cancelled -> {
            curves.setSeries(series);
            return series;
        }, shown -> curves.resetZoom(), failure -> workspace.statusProperty().set("Could not draw: "
                + failure.getMessage()));
        List<TrialStability> unstable = workspace.diagnosisProperty().get().flatMap(Diagnosis::instability)
                .map(r -> r.unstable().stream().filter(t -> selected(t.run())).toList()).orElse(List.of());
        curves.setVerticalMarkers(markers(unstable));
        curves.resetZoom();
    }

    private boolean selected(String runPath) {
        return workspace.selectedRuns().stream().anyMatch(r -> r.path().equals(runPath));
    }

    /** One marker per first-unstable step, naming every rate unstable from there (labels must not overlap). */
    private static List<Marker> markers(List<TrialStability> unstable) {
        java.util.Map<Long, List<String>> byStep = new java.util.TreeMap<>();
        for (TrialStability t : unstable) {
            byStep.computeIfAbsent(t.firstUnstableStep().orElse(0), step -> new java.util.ArrayList<>())
                    .add(Text.number(t.learningRate()));
        }
        return byStep.entrySet().stream().map(e -> new Marker(e.getKey(), "lr " + String.join(", ", e.getValue())
                + " unstable")).toList();
    }

    private static String label(Run run) {
        return run.hyperparameters().number("lr").map(lr -> "lr " + Text.number(lr) + "  " + run.name())
                .orElse(run.name());
    }

    private void showNorms() {
        Optional<Run> run = Optional.ofNullable(workspace.workspaceProperty().get()).flatMap(w -> w.studies().stream()
                .flatMap(s -> s.runs().stream()).filter(r -> r.path().equals(clipping.runProperty().get())).findFirst());
        norms.setSeries(run.flatMap(r -> r.scalar(MetricRole.GRAD_NORM, ALIASES)
                .map(s -> List.of(new NamedSeries("grad norm, " + r.name(), s)))).orElse(List.of()));
        double[] values = clipping.norms();
        double min = java.util.Arrays.stream(values).filter(Double::isFinite).min().orElse(0);
        double max = java.util.Arrays.stream(values).filter(Double::isFinite).max().orElse(1);
        int buckets = 40;
        double width = max > min ? (max - min) / buckets : 1;
        double[] edges = new double[buckets + 1];
        double[] counts = new double[buckets];
        for (int i = 0; i <= buckets; i++) {
            edges[i] = min + i * width;
        }
        for (double v : values) {
            if (Double.isFinite(v)) {
                counts[Math.min(buckets - 1, (int) ((v - min) / width))]++;
            }
        }
        histogram.setData(edges, counts);
        showThreshold();
    }

    private void showThreshold() {
        double t = clipping.thresholdProperty().get();
        if (Double.isFinite(t)) {
            String label = clipping.readoutProperty().get();
            norms.setThresholds(List.of(new Threshold(t, label)));
            histogram.setThreshold(t, label);
        } else {
            norms.setThresholds(List.of());
        }
    }
}
