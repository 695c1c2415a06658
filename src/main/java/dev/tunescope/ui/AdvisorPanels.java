package dev.tunescope.ui;

import dev.tunescope.diagnose.BatchAdvice;
import dev.tunescope.diagnose.BestStep;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.StepsAdvice;
import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.ThroughputPoint;
import dev.tunescope.export.MarkerStyle;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.ui.chart.LineChartCanvas;
import dev.tunescope.ui.chart.Marker;
import dev.tunescope.ui.chart.NamedSeries;
import dev.tunescope.ui.chart.ScatterCanvas;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/** The warmup, run-length and batch-size panels (RULES.md §2, §4, §5). */
final class AdvisorPanels {
    private AdvisorPanels() {
    }

    /** The warmup verdict, a slider for the warmup length, the schedule it gives, and the 5% / 10% limits. */
    static VBox warmup(WarmupPanelModel model) {
        Label verdict = new Label();
        verdict.setWrapText(true);
        verdict.textProperty().bind(model.verdictProperty());
        Slider slider = new Slider(0, 1000, model.warmupStepsProperty().get());
        slider.setId("warmup-steps");
        slider.setTooltip(new Tooltip("Warmup: the learning rate ramps linearly from 0 to the base rate over these"
                + " steps, then the schedule goes on; the steps are added to the schedule"));
        slider.valueProperty().addListener((obs, old, now) -> model.warmupStepsProperty().set(now.intValue()));
        model.warmupStepsProperty().addListener((obs, old, now) -> {
            // room for the warmup itself and up to a fifth of the run; the range never clips the model's value
            slider.setMax(Math.max(10, Math.max(model.maxTrainSteps() / 5.0, 2.0 * now.intValue())));
            slider.setValue(now.intValue());
        });
        Label readout = new Label();
        readout.setId("warmup-readout");
        readout.setWrapText(true);
        readout.textProperty().bind(model.readoutProperty());
        LineChartCanvas chart = new LineChartCanvas();
        chart.setPrefHeight(150);
        Runnable draw = () -> {
            if (model.scheduleProperty().get() != null) {
                chart.setSeries(List.of(new NamedSeries("learning rate", model.scheduleProperty().get())));
                chart.setVerticalMarkers(List.of(new Marker(Math.round(0.05 * model.maxTrainSteps()), "5%"),
                        new Marker(Math.round(0.10 * model.maxTrainSteps()), "10%")));
                chart.resetZoom();
            }
        };
        model.scheduleProperty().addListener((obs, old, now) -> draw.run());
        draw.run();
        VBox box = new VBox(6, verdict, new Label("Warmup steps"), slider, readout, chart);
        box.setPadding(new Insets(8));
        return box;
    }

    /** Each stable trial's best-eval step against the 10% / 25% bands, and the max_train_steps candidate. */
    static VBox runLength(ObjectProperty<Optional<Diagnosis>> diagnosis) {
        ListView<String> rows = new ListView<>();
        rows.setId("run-length");
        rows.setPrefHeight(150);
        Label candidate = new Label();
        candidate.setWrapText(true);
        Runnable show = () -> {
            Optional<StepsAdvice> steps = diagnosis.get().flatMap(Diagnosis::steps);
            rows.getItems().setAll(steps.map(s -> s.runs().stream().map(AdvisorPanels::row).toList())
                    .orElse(List.of()));
            candidate.setText(steps.flatMap(s -> s.maxTrainStepsCandidate().isPresent()
                    ? Optional.of("Initial max_train_steps candidate: " + s.maxTrainStepsCandidate().getAsLong()
                    + " steps (" + s.candidateRun().orElse("") + ")") : Optional.empty()).orElse(""));
        };
        diagnosis.addListener((obs, old, now) -> show.run());
        show.run();
        VBox box = new VBox(6, new Label("Best step: first 10% = too many steps, last 25% = train longer"), rows,
                candidate);
        box.setPadding(new Insets(8));
        return box;
    }

    private static String row(BestStep b) {
        String verdict = switch (b.verdict()) {
            case TOO_MANY_STEPS -> "too many steps";
            case TRAIN_LONGER -> "train longer";
            case FINE -> "fits";
        };
        return b.run().substring(b.run().lastIndexOf('/') + 1) + ": best at step " + b.bestStep() + " of " + b.lastStep() + " (" + Text.percent(b.position())
                + ") -> " + verdict;
    }

    /** Throughput against batch size, the ideal-scaling line from the smallest size, the out-of-memory limit. */
    static VBox batch(ObjectProperty<Optional<Diagnosis>> diagnosis) {
        Label text = new Label();
        text.setWrapText(true);
        ScatterCanvas chart = new ScatterCanvas();
        chart.setId("batch-throughput");
        chart.setPrefHeight(200);
        // measured throughput sits far below the ideal line's last point: on a linear axis every point lay on
        // the axis; on log-log the ideal line is straight and each doubling is the same distance
        chart.setYScale(ScaleType.LOG);
        Runnable show = () -> {
            Optional<BatchAdvice> batch = diagnosis.get().flatMap(Diagnosis::batch);
            text.setText(batch.flatMap(b -> b.findings().stream().findFirst()).map(f -> f.message())
                    .orElse(diagnosis.get().isEmpty() ? PendingText.of("Batch size") : "No batch probe in this folder."));
            List<ScatterCanvas.Point> points = new ArrayList<>();
            List<double[]> ideal = new ArrayList<>();
            batch.ifPresent(b -> {
                for (ThroughputPoint p : b.points()) {
                    points.add(new ScatterCanvas.Point(p.batchSize(), p.examplesPerSecond(),
                            p.batchSize() == b.recommendedBatchSize() ? MarkerStyle.HIGHLIGHTED : MarkerStyle.NORMAL,
                            p.batchSize() == b.recommendedBatchSize() ? "recommended" : ""));
                }
                if (!b.points().isEmpty()) {
                    ThroughputPoint first = b.points().get(0);
                    for (ThroughputPoint p : b.points()) {
                        ideal.add(new double[] {p.batchSize(),
                                first.examplesPerSecond() * p.batchSize() / first.batchSize()});
                    }
                }
                chart.setLimit(b.outOfMemoryBatchSize().isPresent() ? b.outOfMemoryBatchSize().getAsInt() : Double.NaN,
                        "out of memory");
            });
            chart.setReference(ideal, "ideal scaling");
            chart.show(points, ScaleType.LOG, "batch size", "examples/s", "");
        };
        diagnosis.addListener((obs, old, now) -> show.run());
        show.run();
        VBox box = new VBox(6, text, chart);
        box.setPadding(new Insets(8));
        return box;
    }
}
