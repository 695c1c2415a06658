package dev.tunescope.ui;

import dev.tunescope.study.StudyKind;
import dev.tunescope.ui.chart.LineChartCanvas;
import dev.tunescope.ui.chart.NamedSeries;
import dev.tunescope.train.WorkloadCatalog;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;

/**
 * Starts a study: kind, built-in workload or the user's own command, LR range, steps and folder, prefilled from the current diagnosis; then
 * shows its progress, the live train loss of the trial in progress, and a Cancel button.
 */
final class LaunchStudyDialog {
    private final Stage stage = new Stage();

    LaunchStudyDialog(Stage owner, LaunchStudyModel model, Runnable onDone) {
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Launch a study");
        ComboBox<StudyKind> kind = new ComboBox<>();
        kind.getItems().setAll(StudyKind.values());
        kind.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(StudyKind k) {
                return k == null ? "" : k.title();
            }

            @Override
            public StudyKind fromString(String title) {
                return java.util.Arrays.stream(StudyKind.values()).filter(k -> k.title().equals(title)).findFirst()
                        .orElse(null);
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setTooltip(new Tooltip("lr-sweep and batch-probe use the settings here; the others are planned from the"
                + " open sweep's diagnosis (probe at 2 x lr*, warmup from unstable_base_lr, clip around lr*'s p90)"));
        ComboBox<String> workload = new ComboBox<>();
        workload.getItems().setAll(WorkloadCatalog.names());
        workload.valueProperty().bindBidirectional(model.workloadProperty());
        TextField lrMin = numberField(model.lrMinProperty());
        TextField lrMax = numberField(model.lrMaxProperty());
        Spinner<Integer> count = integerSpinner(1, 20, 1, model.countProperty());
        count.setId("trial-count");
        Spinner<Integer> steps = integerSpinner(10, 100_000, 50, model.stepsProperty());
        TextField output = new TextField(String.valueOf(model.outputProperty().get()));
        output.textProperty().addListener((obs, old, now) -> model.outputProperty().set(Path.of(now)));
        TextField command = new TextField();
        command.setPromptText("optional: your own command, e.g. python3 train.py --lr {lr} --steps {steps} --out {out}");
        command.setTooltip(new Tooltip("Run each trial as your own training command instead of the built-in workload."
                + " Placeholders: {lr} {warmup_steps} {clip} {batch_size} {steps} {out} {seed} {run_name}. Run as an"
                + " argument list, never through a shell; metrics from JSON lines on stdout or files in {out}."));
        command.textProperty().bindBidirectional(model.commandProperty());
        CheckBox onSlurm = new CheckBox("Slurm jobs");
        onSlurm.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        onSlurm.setId("launch-on-slurm");
        onSlurm.selectedProperty().bindBidirectional(model.onSlurmProperty());
        onSlurm.setTooltip(new Tooltip("Each trial one sbatch job on the cluster this machine submits to; the study"
                + " folder must be on a file system the nodes share (see the README's scale-out section)."));
        onSlurm.disableProperty().bind(model.kindProperty().isEqualTo(StudyKind.VERIFY));
        TextField partition = slurmField("partition", model.partitionProperty(), onSlurm);
        TextField gres = slurmField("gres (gpu:1)", model.gresProperty(), onSlurm);
        TextField time = slurmField("time (2:00:00)", model.timeLimitProperty(), onSlurm);
        GridPane form = new GridPane();
        form.setHgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the labels stay whole however wide a row is
        form.getColumnConstraints().setAll(labels, new javafx.scene.layout.ColumnConstraints());
        form.setVgap(6);
        form.addRow(0, new Label("Study"), kind);
        form.addRow(1, new Label("Workload"), workload);
        form.addRow(5, new Label("Own command"), command);
        GridPane.setHgrow(command, Priority.ALWAYS);
        form.addRow(2, new Label("Learning rates"), new HBox(6, lrMin, new Label("to"), lrMax, new Label("count"), count));
        form.addRow(3, new Label("Steps per trial"), steps);
        form.addRow(4, new Label("Folder"), output);
        Label setUp = new Label();
        setUp.setId("launch-set-up");
        setUp.setWrapText(true);
        setUp.textProperty().bind(model.setUpProperty());
        form.addRow(6, new Label("Run on"), new HBox(6, onSlurm, partition, gres, time));
        form.add(setUp, 0, 7, 2, 1);
        GridPane.setHgrow(output, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        Label text = new Label();
        text.textProperty().bind(model.progressTextProperty());
        LineChartCanvas live = new LineChartCanvas();
        live.setPrefHeight(260);
        live.setLogY(true);
        model.liveLossProperty().addListener((obs, old, now) -> {
            if (now != null) {
                live.setSeries(List.of(new NamedSeries("train loss (trial in progress)", now)));
                live.resetZoom();
            }
        });
        Button start = new Button("Start");
        start.disableProperty().bind(model.runningProperty());
        start.setOnAction(e -> model.start(onDone));
        Button cancel = new Button("Cancel study");
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(e -> model.cancel());
        // closing the window leaves a running study running: its progress is in the trial folders
        Button close = new Button("Close");
        close.setCancelButton(true); // Esc
        close.setOnAction(e -> stage.close());
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox root = new VBox(10, form, new HBox(8, start, cancel, gap, close), progress, text, live);
        VBox.setVgrow(live, Priority.ALWAYS);
        root.setPadding(new Insets(12));
        root.setId("launch-study");
        stage.setScene(new Scene(root, 760, 560));
        stage.setMinWidth(640);
        stage.setMinHeight(480);
    }

    void show() {
        stage.show();
        // window managers may map a new window at a default size: keep the scene's
        stage.setWidth(Math.max(stage.getWidth(), 760));
        stage.setHeight(Math.max(stage.getHeight(), 560));
    }

    Stage stage() {
        return stage;
    }

    /**
     * An editable spinner whose typed digits count as soon as they are a number (not only on Enter), kept in its
     * range; text that is no number yet keeps the last value.
     */
    private static Spinner<Integer> integerSpinner(int min, int max, int step,
                                                   javafx.beans.property.IntegerProperty property) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get(), step);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((obs, old, now) -> property.set(now));
        spinner.getEditor().textProperty().addListener((obs, old, now) -> {
            try {
                int typed = Integer.parseInt(now.strip());
                if (typed >= min && typed <= max) {
                    spinner.getValueFactory().setValue(typed);
                }
            } catch (NumberFormatException typing) {
                // not a number yet
            }
        });
        return spinner;
    }

    /** A field for a positive number, shown as the project writes numbers (1.05e-4, not 1.0533333333e-4). */
    private static TextField numberField(javafx.beans.property.DoubleProperty property) {
        TextField field = new TextField(dev.tunescope.diagnose.Text.number(property.get()));
        property.addListener((obs, old, now) -> {
            if (!field.isFocused()) {
                field.setText(dev.tunescope.diagnose.Text.number(now.doubleValue()));
            }
        });
        field.setPrefColumnCount(7);
        field.textProperty().addListener((obs, old, now) -> {
            try {
                property.set(Double.parseDouble(now.strip()));
            } catch (NumberFormatException typing) {
                // keep the last number until the text is one again
            }
        });
        return field;
    }

    /** A field of the sbatch options, usable only while the trials are to run on Slurm. */
    private static TextField slurmField(String prompt, javafx.beans.property.StringProperty value, CheckBox onSlurm) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.setPrefColumnCount(10);
        field.textProperty().bindBidirectional(value);
        field.disableProperty().bind(onSlurm.selectedProperty().not().or(onSlurm.disableProperty()));
        return field;
    }
}
