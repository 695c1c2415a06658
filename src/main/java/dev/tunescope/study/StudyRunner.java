package dev.tunescope.study;

import dev.tunescope.io.TunescopeRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.train.Cancellation;
import dev.tunescope.train.ExternalLauncher;
import dev.tunescope.train.StepReport;
import dev.tunescope.train.TrialFolder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Runs a study into one folder: {@code study.json} (kind, plan, workload) and one run folder per trial.
 *
 * <p>Resumable: killed at any moment and started again with the same plan, it skips every trial that already
 * ended (finished, diverged, or out of memory), and starts an interrupted trial over in a clean folder, after
 * stopping whatever still runs of the earlier attempt ({@link TrialFolder}). Nothing finished is lost. Each trial
 * folder is locked while its trial runs, so two processes never write one at once. A different plan in the same
 * folder is refused rather than mixed in, and so is an unreadable {@code study.json} ({@link StudyFolderConflict});
 * a restart replaces either. A batch probe stops at the first batch size that fails (out of memory).
 */
public final class StudyRunner {
    public static final String STUDY_FILE = StudyFile.NAME;
    /** How long a process left from an earlier attempt may take to stop on request before it is killed. */
    private static final Duration LEFTOVER_GRACE = ExternalLauncher.DEFAULT_GRACE;
    /** How long the threads of trials run at once get to stop once the study stops (they only wait on jobs). */
    private static final Duration STOP_WAIT = Duration.ofMinutes(1);

    /** Progress of a study: which trial, and that trial's step. */
    public interface Listener {
        void onTrialStart(int index, int count, TrialPlan trial, boolean doneBefore);

        void onStep(int index, int count, TrialPlan trial, StepReport report);

        void onTrialEnd(int index, int count, TrialOutcome outcome);
    }

    private StudyRunner() {
    }

    /**
     * Everything that can refuse a study, done before any trial runs: each trial is checked by the executor (a bad
     * value, a placeholder the command template does not know), then {@code study.json} is written, or the one
     * there checked. With {@code restart} the study starts over instead: the trial folders of this plan and of the
     * {@code study.json} there are emptied, their processes stopped, and {@code study.json} is replaced.
     *
     * @throws IllegalArgumentException a trial the executor cannot run; nothing was written
     * @throws StudyFolderConflict      the folder holds another study, an unreadable {@code study.json}, or a
     *                                  trial another process is writing; nothing was changed
     */
    public static void prepare(Path studyDir, StudyPlan plan, TrialExecutor executor, boolean restart)
            throws IOException {
        plan.trials().forEach(executor::check);
        Files.createDirectories(studyDir);
        if (restart) {
            restart(studyDir, plan);
        }
        StudyFile.writeOrCheck(studyDir, plan, executor);
    }

    /** The argument template the study in {@code studyDir} ran its trials with, if it ran a command. */
    public static Optional<List<String>> recordedCommand(Path studyDir) {
        return StudyFile.recordedCommand(studyDir);
    }

    /** Runs the study: {@link #prepare} without a restart, then every trial not already done. */
    public static List<TrialOutcome> run(Path studyDir, StudyPlan plan, TrialExecutor executor, Listener listener,
                                         Cancellation cancellation) throws IOException {
        return run(studyDir, plan, trial -> true, executor, listener, cancellation);
    }

    /**
     * Runs the {@code selected} trials of the study (all of them, or the one trial a cluster job runs), as many at
     * once as the executor allows; outcomes come back in the plan's order. A batch probe runs one size at a time,
     * since it stops at the first that fails.
     */
    public static List<TrialOutcome> run(Path studyDir, StudyPlan plan, Predicate<TrialPlan> selected,
                                         TrialExecutor executor, Listener listener, Cancellation cancellation)
            throws IOException {
        prepare(studyDir, plan, executor, false);
        List<TrialPlan> trials = plan.trials();
        List<Integer> chosen = IntStream.range(0, trials.size()).filter(i -> selected.test(trials.get(i))).boxed()
                .toList();
        int atOnce = plan.kind() == StudyKind.BATCH_PROBE ? 1 : Math.max(1, executor.trialsAtOnce());
        if (atOnce > 1 && chosen.size() > 1) {
            return runAtOnce(studyDir, trials, chosen, atOnce, executor, new OneAtATime(listener), cancellation);
        }
        List<TrialOutcome> outcomes = new ArrayList<>();
        for (int i : chosen) {
            TrialPlan trial = trials.get(i);
            Optional<TrialOutcome> outcome = runTrial(studyDir, trial, i, trials.size(), executor, listener,
                    cancellation);
            if (outcome.isEmpty()) {
                break; // cancelled before it started
            }
            outcomes.add(outcome.get());
            listener.onTrialEnd(i, trials.size(), outcome.get());
            if (outcome.get().status() == RunStatus.CANCELLED) {
                break;
            }
            if (plan.kind() == StudyKind.BATCH_PROBE && outcome.get().status() == RunStatus.FAILED) {
                break; // a batch that did not fit: the larger ones will not either
            }
        }
        return outcomes;
    }

    /**
     * Up to {@code atOnce} trials in flight, each on a thread of its own that starts it and waits for it. The first
     * error stops the study here: the threads stop waiting (what runs elsewhere goes on, and a rerun finds it).
     */
    private static List<TrialOutcome> runAtOnce(Path studyDir, List<TrialPlan> trials, List<Integer> chosen,
                                                int atOnce, TrialExecutor executor, Listener listener,
                                                Cancellation cancellation) throws IOException {
        ExecutorService threads = Executors.newFixedThreadPool(atOnce, Thread.ofPlatform().daemon()
                .name("study-trial-", 1).factory());
        try {
            List<Future<Optional<TrialOutcome>>> running = new ArrayList<>();
            for (int i : chosen) {
                running.add(threads.submit(() -> {
                    Optional<TrialOutcome> outcome = runTrial(studyDir, trials.get(i), i, trials.size(), executor,
                            listener, cancellation);
                    outcome.ifPresent(o -> listener.onTrialEnd(i, trials.size(), o));
                    return outcome;
                }));
            }
            List<TrialOutcome> outcomes = new ArrayList<>();
            for (Future<Optional<TrialOutcome>> trial : running) {
                trial.get().ifPresent(outcomes::add);
            }
            return outcomes;
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the study was interrupted while its trials ran");
        } finally {
            threads.shutdownNow();
            awaitStopped(threads);
        }
    }

    /** The study returns only once no trial's thread still writes into its folder. */
    private static void awaitStopped(ExecutorService threads) {
        try {
            // past the wait the study returns anyway: a thread still stopping only follows or submits a job
            threads.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Calls from the trials' threads reach the listener one at a time, as they do from one thread. */
    private record OneAtATime(Listener listener) implements Listener {
        @Override
        public synchronized void onTrialStart(int index, int count, TrialPlan trial, boolean doneBefore) {
            listener.onTrialStart(index, count, trial, doneBefore);
        }

        @Override
        public synchronized void onStep(int index, int count, TrialPlan trial, StepReport report) {
            listener.onStep(index, count, trial, report);
        }

        @Override
        public synchronized void onTrialEnd(int index, int count, TrialOutcome outcome) {
            listener.onTrialEnd(index, count, outcome);
        }
    }

    private static Optional<TrialOutcome> runTrial(Path studyDir, TrialPlan trial, int index, int count,
                                                   TrialExecutor executor, Listener listener,
                                                   Cancellation cancellation) throws IOException {
        Path runDir = studyDir.resolve(trial.name());
        Optional<Run> before = ended(runDir);
        if (before.isEmpty()) {
            if (cancellation.isCancelled()) {
                return Optional.empty();
            }
            if (executor.runsElsewhere()) { // the job there claims and cleans the folder
                listener.onTrialStart(index, count, trial, false);
                return Optional.of(execute(executor, trial, runDir, index, count, listener, cancellation));
            }
            try (TrialFolder folder = claim(runDir)) {
                before = ended(runDir); // another process may have finished it a moment ago
                if (before.isEmpty()) {
                    folder.clean(); // an interrupted or cancelled attempt starts over
                    listener.onTrialStart(index, count, trial, false);
                    return Optional.of(execute(executor, trial, runDir, index, count, listener, cancellation));
                }
            }
        }
        listener.onTrialStart(index, count, trial, true);
        return Optional.of(new TrialOutcome(trial.name(), before.get().status(), TrialSteps.of(runDir), true,
                Optional.empty()));
    }

    private static TrialOutcome execute(TrialExecutor executor, TrialPlan trial, Path runDir, int index, int count,
                                        Listener listener, Cancellation cancellation) throws IOException {
        return executor.execute(trial, runDir, report -> listener.onStep(index, count, trial, report), cancellation);
    }

    private static TrialFolder claim(Path runDir) throws IOException {
        return TrialFolder.claim(runDir, LEFTOVER_GRACE).orElseThrow(() -> new StudyFolderConflict(
                StudyFolderConflict.Kind.TRIAL_IN_USE, runDir, runDir + " is being written by another Tunescope"
                + " process; let it finish or stop it, then run again"));
    }

    /** Empties the trial folders the old and the new plan name, and removes the old study.json. */
    private static void restart(Path studyDir, StudyPlan plan) throws IOException {
        Set<String> planned = new LinkedHashSet<>();
        plan.trials().forEach(trial -> planned.add(trial.name()));
        Set<String> names = new LinkedHashSet<>(planned);
        names.addAll(StudyFile.trialNames(studyDir));
        for (String name : names) {
            Path runDir = studyDir.resolve(name);
            if (!Files.isDirectory(runDir)) {
                continue;
            }
            try (TrialFolder folder = claim(runDir)) {
                folder.clean();
            }
            if (!planned.contains(name)) { // a trial of the old plan only: nothing of it stays
                Files.deleteIfExists(runDir.resolve(TrialFolder.LOCK));
                Files.deleteIfExists(runDir);
            }
        }
        StudyFile.delete(studyDir);
    }

    /**
     * The trial's run when it ended for good: finished, diverged, or failed for lack of memory. Such a trial is
     * never run again, whichever executor ran it.
     */
    public static Optional<Run> ended(Path runDir) {
        if (!Files.isRegularFile(runDir.resolve("run.json"))) {
            return Optional.empty();
        }
        Run run = new TunescopeRunSource(runDir, runDir.getFileName().toString()).refresh();
        boolean outOfMemory = run.hyperparameters().get("out_of_memory").map(v -> v.display().equals("true"))
                .orElse(false);
        boolean ended = run.status() == RunStatus.FINISHED || run.status() == RunStatus.DIVERGED
                || (run.status() == RunStatus.FAILED && outOfMemory);
        return ended ? Optional.of(run) : Optional.empty();
    }
}
