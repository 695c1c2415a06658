package dev.tunescope.ui.compare;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.InstabilitySign;
import dev.tunescope.diagnose.Trial;
import dev.tunescope.diagnose.TrialStability;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.NaturalOrder;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.Study;
import dev.tunescope.workspace.Workspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rows and columns of the runs table, made from a workspace without any scene: one row per run (those the
 * filter passes, study by study, in natural order), one column per hyperparameter any run records (see
 * {@link HyperparameterOrder}), then the losses, status and the diagnosis' stability verdict with its onset step.
 */
public final class RunsTableModel {
    public static final String STUDY = "study";
    public static final String RUN = "run";
    public static final String BEST_TRAIN_LOSS = "best train loss";
    public static final String FINAL_TRAIN_LOSS = "final train loss";
    public static final String BEST_EVAL_LOSS = "best eval loss";
    public static final String FINAL_EVAL_LOSS = "final eval loss";
    public static final String STATUS = "status";
    public static final String STABILITY = "stability";
    public static final String ONSET = "onset step";
    private static final String HYPERPARAMETER = "hparam:";

    /** The table: its columns in order and its rows in the folder's order. */
    public record Table(List<RunColumn> columns, List<RunRow> rows) {
        public static final Table EMPTY = new Table(List.of(), List.of());

        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        /** The same columns with the rows of the runs {@code shown} passes (no series is read again). */
        public Table filtered(Predicate<Run> shown) {
            return new Table(columns, rows.stream().filter(row -> shown.test(row.run())).toList());
        }

        /** The hyperparameter columns whose values are all numbers: the parallel coordinates' axes. */
        public List<RunColumn> numericHyperparameters() {
            return columns.stream().filter(c -> c.kind() == RunColumn.Kind.HYPERPARAMETER && c.numeric()).toList();
        }
    }

    private RunsTableModel() {
    }

    public static String hyperparameterColumn(String name) {
        return HYPERPARAMETER + name;
    }

    public static Table build(Workspace workspace, Predicate<Run> shown) {
        if (workspace == null) {
            return Table.EMPTY;
        }
        MetricAliases aliases = workspace.settings().aliases();
        List<RunRow> rows = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Map<String, Boolean> allNumbers = new HashMap<>();
        for (Study study : workspace.ownStudies()) {
            Optional<Diagnosis> diagnosis = workspace.diagnosis(study.id());
            // runs in natural order (batch_8 before batch_16), as the run tree lists them
            for (Run run : study.runs().stream().sorted(Comparator.comparing(Run::name, NaturalOrder.INSTANCE))
                    .toList()) {
                if (!shown.test(run)) {
                    continue;
                }
                run.hyperparameters().values().forEach((name, value) -> {
                    names.add(name);
                    allNumbers.merge(name, value.asNumber().isPresent(), Boolean::logicalAnd);
                });
                rows.add(row(study, run, diagnosis, aliases));
            }
        }
        List<RunColumn> columns = new ArrayList<>();
        columns.add(new RunColumn(STUDY, "Study", RunColumn.Kind.RUN, false));
        columns.add(new RunColumn(RUN, "Run", RunColumn.Kind.RUN, false));
        for (String name : HyperparameterOrder.sorted(names)) {
            columns.add(new RunColumn(hyperparameterColumn(name), name, RunColumn.Kind.HYPERPARAMETER,
                    allNumbers.get(name)));
        }
        for (String result : List.of(BEST_TRAIN_LOSS, FINAL_TRAIN_LOSS, BEST_EVAL_LOSS, FINAL_EVAL_LOSS)) {
            columns.add(new RunColumn(result, capitalised(result), RunColumn.Kind.RESULT, true));
        }
        columns.add(new RunColumn(STATUS, "Status", RunColumn.Kind.RESULT, false));
        columns.add(new RunColumn(STABILITY, "Stability", RunColumn.Kind.RESULT, false));
        columns.add(new RunColumn(ONSET, "Onset step", RunColumn.Kind.RESULT, true));
        return new Table(columns, rows);
    }

    private static RunRow row(Study study, Run run, Optional<Diagnosis> diagnosis, MetricAliases aliases) {
        Map<String, CellValue> cells = new HashMap<>();
        cells.put(STUDY, CellValue.of(study.label()));
        cells.put(RUN, CellValue.of(run.name()));
        run.hyperparameters().values().forEach((name, value) -> cells.put(hyperparameterColumn(name), cell(value)));
        Optional<Trial> trial = diagnosis.flatMap(d -> d.trial(run.path()));
        Optional<ScalarSeries> train = trial.map(Trial::trainLoss).or(() -> run.scalar(MetricRole.TRAIN_LOSS, aliases));
        Optional<ScalarSeries> eval = trial.isPresent() ? trial.get().evalLoss()
                : run.scalar(MetricRole.EVAL_LOSS, aliases);
        train.filter(s -> !s.isEmpty()).ifPresent(s -> {
            cells.put(BEST_TRAIN_LOSS, CellValue.of(s.stats().min()));
            cells.put(FINAL_TRAIN_LOSS, CellValue.of(s.lastValue()));
        });
        eval.filter(s -> !s.isEmpty()).ifPresent(s -> {
            cells.put(BEST_EVAL_LOSS, CellValue.of(s.stats().min()));
            cells.put(FINAL_EVAL_LOSS, CellValue.of(s.lastValue()));
        });
        cells.put(STATUS, CellValue.of(status(run, trial).id()));
        Optional<TrialStability> verdict = diagnosis.flatMap(d -> d.verdict(run.path()));
        verdict.ifPresent(v -> {
            cells.put(STABILITY, CellValue.of(v.mainSign().map(InstabilitySign::kind)
                    .map(kind -> "unstable: " + kind.phrase()).orElse("stable")));
            v.onsetStep().ifPresent(step -> cells.put(ONSET, CellValue.of(step)));
        });
        double best = eval.filter(s -> !s.isEmpty()).or(() -> train.filter(s -> !s.isEmpty()))
                .map(s -> s.stats().min()).orElse(Double.NaN);
        return new RunRow(run, study.label(), cells, best, verdict.map(TrialStability::unstable).orElse(false));
    }

    /** The run's own status; a run that records none but whose loss went NaN or infinite has diverged. */
    static RunStatus status(Run run, Optional<Trial> trial) {
        if (run.status() == RunStatus.UNKNOWN && trial.map(Trial::diverged).orElse(false)) {
            return RunStatus.DIVERGED;
        }
        return run.status();
    }

    private static CellValue cell(HyperparameterValue value) {
        Optional<Double> number = value.asNumber();
        return number.map(CellValue::of).orElseGet(() -> CellValue.of(value.display()));
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
