package dev.tunescope.study.slurm;

import dev.tunescope.io.TunescopeRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.study.StudyRunner;
import dev.tunescope.study.TrialExecutor;
import dev.tunescope.study.TrialOutcome;
import dev.tunescope.study.TrialPlan;
import dev.tunescope.study.TrialSteps;
import dev.tunescope.train.Cancellation;
import dev.tunescope.train.StepReport;
import dev.tunescope.train.TrialFolder;
import dev.tunescope.train.TrainingListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs each trial as one Slurm job. The job runs {@code nodeCommand} for the trial, which trains it there with the
 * study's local executor ({@code tunescope study ... --only-trial NAME}); this side submits it, records the job in
 * the trial folder ({@link SlurmJobRecord}), follows it until it ends, and reads the outcome from the trial folder
 * as for a local run.
 *
 * <p>Resume: a trial whose recorded job is still pending or running is followed again, never submitted twice; one
 * whose job ended without a finished run (failed, cancelled, timed out, preempted, node failure) is submitted
 * again after its partial files are moved aside ({@link AttemptsAside}). A job submitted by a Tunescope killed before
 * it could record it is found again by its name, which is unique to the study and trial. Cancelling the study
 * cancels its jobs; a Tunescope that is killed leaves them running, and the rerun follows them.
 */
public final class SlurmExecutor implements TrialExecutor {
    /** Consecutive failed state queries (a controller restarting) tolerated before the study gives up. */
    private static final int QUERY_FAILURES_TOLERATED = 10;
    private static final Duration CANCEL_WAIT = Duration.ofMinutes(3);
    /** The job's standard output and error, in the trial folder: one file per job ({@code %j} is its id). */
    private static final String OUTPUT = TrialFolder.CLUSTER_JOB_PREFIX + "%j.out";

    private final TrialExecutor onTheNode;
    private final SlurmSettings settings;
    private final SlurmCommands slurm;
    private final Function<TrialPlan, List<String>> nodeCommand;
    private final long plannedSteps;

    /**
     * @param onTheNode    the executor the job's Tunescope runs the trial with: it describes and checks the trials
     * @param nodeCommand  the command a job runs to train one trial on its node
     * @param plannedSteps the steps of a trial that does not set its own, for progress
     */
    public SlurmExecutor(TrialExecutor onTheNode, SlurmSettings settings, Function<TrialPlan, List<String>> nodeCommand,
                         long plannedSteps) {
        this.onTheNode = onTheNode;
        this.settings = settings;
        this.slurm = new SlurmCommands(settings.slurmBin(), settings.poll());
        this.nodeCommand = nodeCommand;
        this.plannedSteps = plannedSteps;
    }

    /** What trains is the same as on this machine: a study keeps its {@code study.json} whichever runs it. */
    @Override
    public Map<String, Object> describe() {
        return onTheNode.describe();
    }

    @Override
    public void check(TrialPlan trial) {
        onTheNode.check(trial);
    }

    @Override
    public int trialsAtOnce() {
        return settings.jobsAtOnce();
    }

    @Override
    public boolean runsElsewhere() {
        return true;
    }

    @Override
    public TrialOutcome execute(TrialPlan trial, Path runDir, TrainingListener listener, Cancellation cancellation)
            throws IOException {
        java.nio.file.Files.createDirectories(runDir);
        try (WatchLock held = WatchLock.claim(runDir)) {
            long jobId = attachOrSubmit(trial, runDir);
            return follow(trial, runDir, jobId, listener, cancellation);
        }
    }

    private long attachOrSubmit(TrialPlan trial, Path runDir) throws IOException {
        Optional<SlurmJobRecord> recorded = SlurmJobRecord.read(runDir);
        if (recorded.isPresent() && slurm.state(recorded.get().jobId()).map(JobState::live).orElse(false)) {
            return recorded.get().jobId();
        }
        String name = jobName(runDir);
        List<Long> unrecorded = slurm.queuedNamed(name);
        if (!unrecorded.isEmpty()) { // submitted by a Tunescope killed before it wrote the record
            long jobId = unrecorded.getFirst();
            new SlurmJobRecord(jobId, name, Instant.now()).write(runDir);
            return jobId;
        }
        AttemptsAside.move(runDir, recorded);
        Path script = JobScript.write(runDir, "Tunescope: trial " + trial.name() + " of the study in "
                + runDir.toAbsolutePath().getParent(), nodeCommand.apply(trial));
        List<String> options = new ArrayList<>(settings.sbatchOptions());
        options.add("--job-name=" + name);
        options.add("--chdir=" + Path.of("").toAbsolutePath());
        options.add("--output=" + runDir.toAbsolutePath().resolve(OUTPUT));
        long jobId;
        try {
            jobId = slurm.submit(options, script);
        } catch (IOException refused) {
            throw new IOException("trial " + trial.name() + " could not be submitted: " + refused.getMessage());
        }
        new SlurmJobRecord(jobId, name, Instant.now()).write(runDir);
        return jobId;
    }

    private TrialOutcome follow(TrialPlan trial, Path runDir, long jobId, TrainingListener listener,
                                Cancellation cancellation) throws IOException {
        TunescopeRunSource run = new TunescopeRunSource(runDir, trial.name());
        long started = System.nanoTime();
        int reported = 0;
        int failedQueries = 0;
        while (true) {
            if (cancellation.isCancelled()) {
                return cancel(trial, runDir, jobId);
            }
            Optional<JobState> state;
            try {
                state = slurm.state(jobId);
                failedQueries = 0;
            } catch (InterruptedIOException interrupted) {
                throw stoppedFollowing(jobId);
            } catch (IOException queryFailed) {
                if (++failedQueries >= QUERY_FAILURES_TOLERATED) {
                    throw new IOException("Slurm job " + jobId + " of trial " + trial.name() + " could not be followed: "
                            + queryFailed.getMessage());
                }
                waitAPoll(jobId); // not known to have ended: asked again
                continue;
            }
            if (state.isEmpty() || !state.get().live()) {
                report(trial, run.refresh(), reported, started, listener); // the steps since the last poll
                return outcome(trial, runDir, jobId, state);
            }
            if (state.get().state().equals("RUNNING")) {
                reported = report(trial, run.refresh(), reported, started, listener);
            }
            waitAPoll(jobId);
        }
    }

    private void waitAPoll(long jobId) throws InterruptedIOException {
        try {
            Thread.sleep(settings.poll());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw stoppedFollowing(jobId);
        }
    }

    /**
     * The steps logged since the last report, from the files the job writes, as a local trial reports them.
     *
     * @return how many train-loss points have been reported now
     */
    private int report(TrialPlan trial, Run run, int reported, long started, TrainingListener listener) {
        Optional<ScalarSeries> loss = run.scalar("train/loss");
        if (loss.isEmpty() || loss.get().size() < reported) {
            return 0; // the attempt started over: report it from its first step
        }
        ScalarSeries series = loss.get();
        double seconds = (System.nanoTime() - started) / 1e9;
        for (int i = reported; i < series.size(); i++) {
            listener.onStep(new StepReport(series.step(i), trial.whole("steps", plannedSteps), series.value(i),
                    trial.number("lr", Double.NaN), Double.NaN, seconds));
        }
        return series.size();
    }

    private TrialOutcome outcome(TrialPlan trial, Path runDir, long jobId, Optional<JobState> state)
            throws IOException {
        long steps = TrialSteps.of(runDir);
        Optional<Run> ended = StudyRunner.ended(runDir);
        if (ended.isPresent()) {
            return new TrialOutcome(trial.name(), ended.get().status(), steps, false, Optional.empty());
        }
        String why = state.map(JobState::whyItEnded).orElse("Slurm job " + jobId
                + " is no longer known to Slurm and left no finished run");
        return new TrialOutcome(trial.name(), RunStatus.FAILED, steps, false, Optional.of(why
                + "; rerun the study to submit the trial again"));
    }

    private TrialOutcome cancel(TrialPlan trial, Path runDir, long jobId) throws IOException {
        slurm.cancel(jobId);
        long deadline = System.nanoTime() + CANCEL_WAIT.toNanos();
        while (slurm.state(jobId).map(JobState::live).orElse(false) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(settings.poll());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new TrialOutcome(trial.name(), RunStatus.CANCELLED, TrialSteps.of(runDir), false,
                Optional.of("cancelled: Slurm job " + jobId + " was cancelled (scancel)"));
    }

    private static InterruptedIOException stoppedFollowing(long jobId) {
        return new InterruptedIOException("stopped following Slurm job " + jobId
                + "; it goes on, and rerunning the study follows it again");
    }

    /** Unique to the study folder and the trial, so a job nobody recorded can be found again by its name. */
    static String jobName(Path runDir) {
        Path absolute = runDir.toAbsolutePath().normalize();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(absolute.getParent().toString()
                    .getBytes(StandardCharsets.UTF_8));
            return "tunescope-" + HexFormat.of().formatHex(digest, 0, 4) + "-" + absolute.getFileName();
        } catch (NoSuchAlgorithmException everyJdkHasIt) {
            throw new IllegalStateException(everyJdkHasIt);
        }
    }
}
