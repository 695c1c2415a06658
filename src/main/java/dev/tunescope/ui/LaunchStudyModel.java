package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.ScalarSeriesBuilder;
import dev.tunescope.study.BuiltInExecutor;
import dev.tunescope.workspace.StudyProposals;
import dev.tunescope.workspace.SweepSetUp;
import dev.tunescope.study.StudyKind;
import dev.tunescope.study.StudyPlan;
import dev.tunescope.study.StudyPlanner;
import dev.tunescope.study.StudyRunner;
import dev.tunescope.study.TrialOutcome;
import dev.tunescope.study.TrialPlan;
import dev.tunescope.train.Cancellation;
import dev.tunescope.train.OptimizerSpec;
import dev.tunescope.train.Schedule;
import dev.tunescope.train.StepReport;
import dev.tunescope.train.WorkloadCatalog;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The launch dialog's state: which study to run, with what (a built-in workload or the user's own command), where; then its progress (trial i/n, step, loss), the
 * live train-loss curve of the trial in progress, and cancel. Prefilled from the current diagnosis: the LR range
 * around lr*, and the sweep the probe, warmup and clip studies are planned from.
 */
public final class LaunchStudyModel {
    private final ObjectProperty<StudyKind> kind = new SimpleObjectProperty<>(StudyKind.LR_SWEEP);
    private final StringProperty workload = new SimpleStringProperty(WorkloadCatalog.MLP);
    private final DoubleProperty lrMin = new SimpleDoubleProperty(1e-4);
    private final DoubleProperty lrMax = new SimpleDoubleProperty(1);
    private final IntegerProperty count = new SimpleIntegerProperty(7);
    private final IntegerProperty steps = new SimpleIntegerProperty(300);
    private final ObjectProperty<Path> output = new SimpleObjectProperty<>();
    private final StringProperty command = new SimpleStringProperty("");
    /** Where the trials run: here, one at a time, or as Slurm jobs with these sbatch options. */
    private final BooleanProperty onSlurm = new SimpleBooleanProperty();
    private final StringProperty partition = new SimpleStringProperty("");
    private final StringProperty gres = new SimpleStringProperty("");
    private final StringProperty timeLimit = new SimpleStringProperty("");
    private java.time.Duration slurmPoll = java.time.Duration.ofSeconds(2);
    private final ObjectProperty<Optional<Path>> sweep = new SimpleObjectProperty<>(Optional.empty());
    private DiagnosisSettings settings = DiagnosisSettings.DEFAULTS;
    /** How trials train besides the LR: the open sweep's set-up where it records one (see {@link SweepSetUp}). */
    private OptimizerSpec optimizer = OptimizerSpec.adam();
    private Schedule.Decay decay = Schedule.Decay.CONSTANT;
    private int batchSize = 32;
    private int evalEvery = 10;
    private int histogramEvery = 50;
    private long seed = 1;
    /** What a verification run verifies: the recommended config on screen, when there is one. */
    private Optional<dev.tunescope.export.RecommendedConfig> recommendation = Optional.empty();
    private Optional<Diagnosis> sweepDiagnosis = Optional.empty();
    /** Seeds per arm of a verification run. */
    static final int VERIFY_SEEDS = 3;
    /** The batch probe the dialog runs: sizes 8 to 512, 20 steps each, at the middle of the LR range. */
    private static final int BATCH_PROBE_FIRST = 8;
    private static final int BATCH_PROBE_LAST = 512;
    private static final long BATCH_PROBE_STEPS = 20;
    /** The warmup study's target rate in multiples of unstable_base_lr: the playbook's 10. */
    private static final double WARMUP_MULTIPLIER = 10;
    /** The study's jobs in the queue at once; Slurm decides which of them run. */
    private static final int SLURM_JOBS_AT_ONCE = 32;
    private final StringProperty setUp = new SimpleStringProperty("Built-in defaults: adam, batch 32, eval every 10");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty progressText = new SimpleStringProperty("");
    private final ObjectProperty<ScalarSeries> liveLoss = new SimpleObjectProperty<>();
    private final Background background;
    private Cancellation cancellation = new Cancellation();

    /** Studies train in this lane of the background: one at a time. */
    static final String STUDY = "study";

    /** @param background where the study trains (a background thread in the app; the calling thread in tests) */
    public LaunchStudyModel(Background background) {
        this.background = background;
    }

    /**
     * Prefills from the open folder and its diagnosis: a sweep around lr*, studies planned from that sweep, with the
     * rule settings on screen.
     */
    public void prefill(Path folder, String sweepPath, Optional<Diagnosis> diagnosis, DiagnosisSettings settings) {
        this.settings = settings;
        this.sweepDiagnosis = diagnosis.filter(d -> !sweepPath.isEmpty());
        diagnosis.flatMap(Diagnosis::lrStar).map(LrStarRule.LrStar::value).ifPresent(star -> {
            lrMin.set(star / 30);
            lrMax.set(star * 30);
        });
        sweep.set(sweepPath.isEmpty() ? Optional.empty() : Optional.of(folder.resolve(sweepPath)));
        output.set(folder.resolve("new-study"));
        diagnosis.filter(d -> !sweepPath.isEmpty()).ifPresent(d -> inherit(SweepSetUp.of(sweepPath, d.study().runs(),
                StudyRunner.recordedCommand(folder.resolve(sweepPath)), settings.aliases())));
    }

    /** The config a verification run trains beside lr* (the export's, with the settings on screen). */
    public void recommend(Optional<dev.tunescope.export.RecommendedConfig> config) {
        this.recommendation = config;
    }

    /** Trials train as the sweep did: its workload (or command), optimizer, batch size, steps, cadence and seed. */
    private void inherit(SweepSetUp sweepSetUp) {
        sweepSetUp.workload().filter(WorkloadCatalog.names()::contains).ifPresent(workload::set);
        if (sweepSetUp.workload().isEmpty()) {
            sweepSetUp.command().ifPresent(c -> command.set(String.join(" ", c)));
        }
        sweepSetUp.optimizerSpec().ifPresent(o -> optimizer = o);
        sweepSetUp.batchSize().ifPresent(b -> batchSize = b);
        sweepSetUp.decay().flatMap(d -> java.util.Arrays.stream(Schedule.Decay.values())
                .filter(k -> k.name().equalsIgnoreCase(d)).findFirst()).ifPresent(d -> decay = d);
        sweepSetUp.steps().ifPresent(s -> steps.set((int) Math.min(Integer.MAX_VALUE, s)));
        sweepSetUp.evalEvery().ifPresent(e -> evalEvery = e);
        sweepSetUp.histogramEvery().ifPresent(h -> histogramEvery = h);
        if (!sweepSetUp.seeds().isEmpty()) {
            seed = sweepSetUp.seeds().get(0);
        }
        setUp.set("Set-up from " + sweepSetUp.sweep() + ": " + sweepSetUp.summary());
    }

    /** Plans the study and trains it in the background; {@code onDone} runs on the FX thread at the end. */
    public void start(Runnable onDone) {
        running.set(true);
        progress.set(0);
        progressText.set("Planning ...");
        cancellation = background.run(STUDY, token -> {
            dev.tunescope.study.TrialExecutor trainer = command.get().isBlank()
                    ? new BuiltInExecutor(new BuiltInExecutor.Base(WorkloadCatalog.create(workload.get(), seed),
                            optimizer, decay, batchSize, steps.get(), evalEvery, histogramEvery,
                            seed))
                    : new dev.tunescope.study.CommandExecutor(dev.tunescope.train.CommandTemplate.parse(
                            command.get()), batchSize, steps.get(), seed, Optional.empty());
            if (onSlurm.get()) {
                trainer = dev.tunescope.cli.StudyArguments.onSlurm(trainer, launch(), slurmSettings());
            }
            StudyPlan plan = plan(trainer.describe());
            java.util.List<TrialOutcome> outcomes = StudyRunner.run(output.get(), plan, trainer, new Progress(), token);
            String summary = summary(outcomes, plan.trials().size(), token.isCancelled());
            if (plan.kind() == StudyKind.VERIFY && !token.isCancelled() && sweepDiagnosis.isPresent()) {
                summary += ". " + dev.tunescope.workspace.Verification.judge(output.get(), sweepDiagnosis.get())
                        .sentence();
            }
            return summary;
        }, message -> finished(message, onDone), failure -> finished("Stopped: " + failure.getMessage(), onDone));
    }

    private void finished(String message, Runnable onDone) {
        running.set(false);
        progressText.set(message);
        onDone.run();
    }

    /**
     * "Done: 5 of 5 trials finished", or what stopped short: "Cancelled after 2 of 5 trials (1 finished, 1
     * cancelled)". A study cancelled between two trials has no cancelled outcome, only fewer outcomes than planned,
     * so the cancellation itself is passed in.
     */
    static String summary(java.util.List<TrialOutcome> outcomes, int planned, boolean cancelled) {
        java.util.Map<String, Long> byStatus = new java.util.TreeMap<>(outcomes.stream().collect(
                java.util.stream.Collectors.groupingBy(o -> o.status().id(), java.util.stream.Collectors.counting())));
        long finished = byStatus.getOrDefault("finished", 0L);
        String counts = byStatus.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
        if (cancelled || byStatus.containsKey("cancelled")) {
            return "Cancelled after " + outcomes.size() + " of " + planned + " trials"
                    + (outcomes.isEmpty() ? "" : " (" + counts + ")");
        }
        if (finished == planned) {
            return "Done: " + planned + " of " + planned + " trials finished";
        }
        return "Ended: " + outcomes.size() + " of " + planned + " trials ran (" + counts + ")";
    }

    public void cancel() {
        cancellation.cancel();
    }

    /** The study on screen as the command line a Slurm job runs one of its trials with. */
    private dev.tunescope.cli.StudyArguments.Launch launch() {
        return new dev.tunescope.cli.StudyArguments.Launch(kind.get(), output.get(),
                command.get().isBlank() ? Optional.of(workload.get()) : Optional.empty(),
                command.get().isBlank() ? Optional.empty() : Optional.of(command.get()), optimizer, decay, batchSize,
                steps.get(), evalEvery, histogramEvery, seed, lrMin.get(), lrMax.get(), count.get(), sweep.get(),
                new dev.tunescope.cli.StudyArguments.BatchProbe(batchProbeLr(), BATCH_PROBE_FIRST, BATCH_PROBE_LAST,
                        BATCH_PROBE_STEPS), WARMUP_MULTIPLIER);
    }

    private dev.tunescope.study.slurm.SlurmSettings slurmSettings() {
        return new dev.tunescope.study.slurm.SlurmSettings(given(partition), given(gres), given(timeLimit),
                Optional.empty(), java.util.List.of(), SLURM_JOBS_AT_ONCE, slurmPoll, Optional.empty());
    }

    private static Optional<String> given(StringProperty field) {
        return field.get().isBlank() ? Optional.empty() : Optional.of(field.get().strip());
    }

    /** How often a study on Slurm asks how its jobs stand (tests ask more often). */
    void slurmPoll(java.time.Duration poll) {
        this.slurmPoll = poll;
    }

    private double batchProbeLr() {
        return Math.sqrt(lrMin.get() * lrMax.get());
    }

    private StudyPlan plan(java.util.Map<String, Object> description) throws java.io.IOException {
        return switch (kind.get()) {
            case LR_SWEEP -> StudyPlanner.lrSweep(description, lrMin.get(), lrMax.get(), count.get(), steps.get());
            case BATCH_PROBE -> StudyPlanner.batchProbe(description, batchProbeLr(), BATCH_PROBE_FIRST, BATCH_PROBE_LAST,
                    BATCH_PROBE_STEPS);
            case VERIFY -> verification(description);
            default -> StudyProposals.from(sweep.get().orElseThrow(() -> new IllegalStateException(
                    "open a folder with an LR sweep first: " + kind.get().id() + " is planned from one")), settings)
                    .plan(kind.get(), description, steps.get(), WARMUP_MULTIPLIER, 0);
        };
    }

    /** The recommended config beside lr*, same steps, {@link #VERIFY_SEEDS} seeds each. */
    private StudyPlan verification(java.util.Map<String, Object> description) {
        dev.tunescope.export.RecommendedConfig config = recommendation.orElseThrow(() -> new IllegalStateException(
                "nothing to verify: the folder's diagnosis recommends no config"));
        double star = sweepDiagnosis.flatMap(Diagnosis::lrStar).map(LrStarRule.LrStar::value).orElseThrow(() ->
                new IllegalStateException("open a folder with an LR sweep first: lr* is what the config is verified"
                        + " against"));
        java.util.OptionalDouble clip = config.clipThreshold().map(c -> java.util.OptionalDouble.of(c.value()))
                .orElse(java.util.OptionalDouble.empty());
        return StudyPlanner.verification(description, star, config.learningRate().base(),
                config.learningRate().warmupSteps(), clip, steps.get())
                .withSeeds(java.util.stream.LongStream.range(seed, seed + VERIFY_SEEDS).boxed().toList())
                .from(sweep.get().orElseThrow());
    }

    /**
     * Reports each step to the FX thread, at most every 100 ms, with the live curve of the trial started last. Trials
     * in flight at once (on Slurm) each keep their own curve and share of the progress bar; the study runner calls
     * this from one thread at a time.
     */
    private final class Progress implements StudyRunner.Listener {
        private final java.util.Map<String, ScalarSeriesBuilder> losses = new java.util.HashMap<>();
        private final java.util.Map<String, Double> doneByTrial = new java.util.HashMap<>();
        private String shown = "";
        private long lastReport;

        @Override
        public void onTrialStart(int index, int count, TrialPlan trial, boolean doneBefore) {
            losses.put(trial.name(), new ScalarSeriesBuilder("train/loss"));
            shown = trial.name();
        }

        @Override
        public void onStep(int index, int total, TrialPlan trial, StepReport report) {
            ScalarSeriesBuilder loss = losses.computeIfAbsent(trial.name(), name -> new ScalarSeriesBuilder(
                    "train/loss"));
            loss.add(report.step(), report.trainLoss(), Double.NaN); // a step reported again replaces itself
            doneByTrial.put(trial.name(), (double) report.step() / report.maxSteps());
            long now = System.nanoTime();
            if (!trial.name().equals(shown) || (now - lastReport < 100_000_000L
                    && report.step() != report.maxSteps())) {
                return;
            }
            lastReport = now;
            ScalarSeries curve = loss.build();
            double done = doneByTrial.values().stream().mapToDouble(Double::doubleValue).sum() / total;
            String text = String.format(java.util.Locale.ROOT, "trial %d/%d %s: step %d/%d, loss %.4g, ETA %.0f s",
                    index + 1, total, trial.name(), report.step(), report.maxSteps(), report.trainLoss(),
                    report.secondsLeft());
            background.onFxThread(() -> {
                progress.set(done);
                progressText.set(text);
                liveLoss.set(curve);
            });
        }

        @Override
        public void onTrialEnd(int index, int count, TrialOutcome outcome) {
            doneByTrial.put(outcome.trial(), 1.0);
            losses.remove(outcome.trial()); // its last curve stays on screen until another trial reports
        }
    }

    /** Where the trials' set-up comes from, in one line for the dialog. */
    public StringProperty setUpProperty() {
        return setUp;
    }

    public ObjectProperty<StudyKind> kindProperty() {
        return kind;
    }

    public StringProperty workloadProperty() {
        return workload;
    }

    public DoubleProperty lrMinProperty() {
        return lrMin;
    }

    public DoubleProperty lrMaxProperty() {
        return lrMax;
    }

    public IntegerProperty countProperty() {
        return count;
    }

    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** The user's own training command (an argument template); blank for the built-in workload. */
    public StringProperty commandProperty() {
        return command;
    }

    /** Whether the trials run as Slurm jobs rather than here. */
    public BooleanProperty onSlurmProperty() {
        return onSlurm;
    }

    public StringProperty partitionProperty() {
        return partition;
    }

    public StringProperty gresProperty() {
        return gres;
    }

    public StringProperty timeLimitProperty() {
        return timeLimit;
    }

    public ObjectProperty<Path> outputProperty() {
        return output;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public ObjectProperty<ScalarSeries> liveLossProperty() {
        return liveLoss;
    }
}
