package dev.tunescope.train;

import dev.tunescope.io.TunescopeRunInfo;
import dev.tunescope.io.TunescopeRunWriter;
import dev.tunescope.run.RunStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a user's own training command ({@link ExternalRun}) as one trial and leaves a Tunescope run behind, so a
 * study treats the user's script like a built-in workload.
 *
 * <p>The command is started from its argument list, never through a shell, inheriting Tunescope's environment
 * plus {@value #RUN_DIR_VARIABLE} (the run folder), {@code PYTHONUNBUFFERED=1} (so a Python script's output,
 * piped rather than on a terminal, arrives line by line and not in 8 KiB blocks) and the run's own variables.
 * Its standard input is closed. In the run folder it leaves:
 * <pre>
 * run.json       status running while the command runs; then finished (exit code 0), failed (another exit code,
 *                a timeout, a command that could not start) or cancelled; the workload map holds the command,
 *                and at the end exit_code, elapsed_s and the reason where it did not finish
 * metrics.jsonl  the metric lines of its standard output (see StdoutMetrics), as they come
 * stdout.log     its standard output, whole
 * stderr.log     its standard error, whole (written by the operating system, so it never blocks)
 * out/           created empty for the command's own logs, in any format Tunescope reads ({out})
 * </pre>
 * The logs are appended to, like {@code metrics.jsonl}, so a trial run again in the same folder keeps both.
 *
 * <p>The command runs in a process group of its own, which a watchdog kills if Tunescope dies, however it dies
 * ({@link ProcessGroup}); while it runs, {@code .tunescope.pid} in the run folder records it
 * ({@link TrialProcessFile}). A timeout or a {@link Cancellation} stops the whole group and process tree
 * ({@link ProcessTree}), and so does the command's own end: nothing it started outlives the trial. The call
 * returns once the process has ended and its output has been read, or after a bounded wait for output still held
 * open by a process that could not be stopped: it never blocks forever.
 *
 * <p>When its output cannot be recorded (a full disk takes {@code stdout.log} or {@code metrics.jsonl}), the
 * command is stopped like a timed-out one, since nothing it does from then on would be kept; its output is read
 * and dropped meanwhile, so it never blocks on a full pipe. The run is marked failed with the reason
 * ({@code could not write .../stdout.log: No space left on device}) and the call throws that error, as a built-in
 * trial does on a full disk.
 */
public final class ExternalLauncher {
    public static final String RUN_DIR_VARIABLE = "TUNESCOPE_RUN_DIR";
    public static final String STDOUT_LOG = "stdout.log";
    public static final String STDERR_LOG = "stderr.log";
    /** Time a process has to stop on request before it is killed: enough to save a checkpoint or flush logs. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);
    /** How long to wait for the rest of the output once the command has exited. */
    private static final Duration OUTPUT_WAIT = Duration.ofSeconds(5);

    private final Duration grace;

    public ExternalLauncher() {
        this(DEFAULT_GRACE);
    }

    /** @param grace how long stopped processes may take to exit before they are killed */
    public ExternalLauncher(Duration grace) {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("a grace period cannot be negative: " + grace);
        }
        this.grace = grace;
    }

    /** Runs {@code run} to its end, or until its timeout. */
    public ExternalResult run(ExternalRun run) throws IOException {
        return run(run, new Cancellation());
    }

    /**
     * Runs {@code run} until it ends, its timeout passes or {@code cancellation} is requested; an interrupt of
     * the calling thread counts as a cancellation (and the thread stays interrupted).
     *
     * @throws IOException when the run folder cannot be written, before the command starts or while it runs (its
     *                     run then says failed, and why, where that can still be written); a command that cannot
     *                     be started is a failed run, not an exception
     */
    public ExternalResult run(ExternalRun run, Cancellation cancellation) throws IOException {
        Objects.requireNonNull(cancellation, "cancellation");
        // Files are written through NIO channels, which refuse an interrupted thread: the interrupt is taken
        // as a cancellation here and handed back to the caller at the end.
        boolean interrupted = Thread.interrupted();
        Cancellation stop = cancellation;
        if (interrupted && !cancellation.isCancelled()) {
            stop = new Cancellation();
            stop.cancel();
        }
        try {
            Launch launch = launch(run, stop);
            interrupted |= launch.interrupted();
            return launch.result();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A result, and whether the caller's thread was interrupted on the way. */
    private record Launch(ExternalResult result, boolean interrupted) {
    }

    private Launch launch(ExternalRun run, Cancellation cancellation) throws IOException {
        long start = System.nanoTime();
        Path runDir = run.runDir().toAbsolutePath();
        Files.createDirectories(runDir.resolve(TrialValues.OUT_FOLDER));
        TunescopeRunInfo info = TunescopeRunInfo.started(run.name(), Instant.now(), "", run.hyperparameters(),
                describe(run));
        try (TunescopeRunWriter writer = TunescopeRunWriter.create(runDir, info)) {
            if (cancellation.isCancelled()) {
                return new Launch(end(writer, new ExternalResult(RunStatus.CANCELLED, -1, since(start), 0,
                        Optional.of("cancelled before it started"))), false);
            }
            Started started;
            try {
                started = start(run, runDir);
            } catch (IOException | RuntimeException cannotStart) {
                return new Launch(end(writer, new ExternalResult(RunStatus.FAILED, -1, since(start), 0,
                        Optional.of("could not start " + run.command().getFirst() + ": " + cannotStart.getMessage()))),
                        false);
            }
            Process process = started.process();
            boolean released = false;
            try {
                process.getOutputStream().close(); // a command that reads its input sees its end, not a wait
                StdoutPump pump = new StdoutPump(process.getInputStream(), started.stdoutLog(),
                        runDir.resolve(STDOUT_LOG), writer);
                Thread pumpThread = Thread.ofPlatform().daemon().name("stdout of " + run.name()).start(pump);
                Ending ending = await(process, run.timeout(), cancellation, pump.failed());
                // also after a normal exit: whatever the command left running in its group goes with it
                boolean stopped = ProcessTree.destroy(process.toHandle(), started.group(), grace);
                boolean interruptedLate = awaitOutput(pumpThread);
                int exitCode = process.isAlive() ? -1 : process.exitValue();
                // output lost, also by a command that ended meanwhile: its run is not whole, so it failed
                Optional<IOException> lost = Optional.ofNullable(pump.failed().getNow(null));
                ExternalResult result = result(lost.isPresent() ? Ending.CANNOT_WRITE : ending, stopped, exitCode,
                        since(start), pump.stepsLogged(), run.timeout(), lost.map(IOException::getMessage));
                if (stopped) {
                    TrialProcessFile.delete(runDir);
                    started.group().ifPresent(ProcessGroup::release);
                    released = true;
                }
                end(writer, result);
                boolean interrupted = ending == Ending.INTERRUPTED || interruptedLate;
                if (lost.isPresent()) {
                    if (interrupted) {
                        Thread.currentThread().interrupt(); // the caller's, handed back with the error
                    }
                    throw lost.get(); // as a built-in trial's: the study cannot go on writing to this disk
                }
                return new Launch(result, interrupted);
            } finally {
                if (!released) { // after an unexpected error: never leave the command running
                    ProcessTree.destroy(process.toHandle(), started.group(), grace);
                    started.group().ifPresent(ProcessGroup::close); // unreleased: the watchdog kills the group
                }
            }
        }
    }

    /** A started command: the process, its group's watchdog where it has one, and its output log. */
    private record Started(Process process, Optional<ProcessGroup> group, OutputStream stdoutLog) {
    }

    /**
     * Starts the command, in a process group of its own under a watchdog where the system allows
     * ({@link ProcessGroup}), and records it in the trial's pid file before anything else can happen.
     */
    private static Started start(ExternalRun run, Path runDir) throws IOException {
        ProcessBuilder builder = processBuilder(run, runDir);
        Optional<ProcessGroup> group = Optional.empty();
        if (ProcessGroup.supported()) {
            Path workingDirectory = run.workingDirectory().orElse(Path.of("")).toAbsolutePath();
            Path program = Programs.find(run.command().getFirst(), builder.environment(), workingDirectory)
                    .orElseThrow(() -> new IOException("no such program (or not executable)"));
            List<String> command = new ArrayList<>(run.command());
            command.set(0, program.toString());
            builder.command(ProcessGroup.inOwnGroup(command));
            group = Optional.of(ProcessGroup.startWatchdog());
        }
        OutputStream stdoutLog = null;
        Process process = null;
        try {
            stdoutLog = Files.newOutputStream(runDir.resolve(STDOUT_LOG), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = builder.start();
            if (group.isPresent()) {
                group.get().watch(process.pid()); // setsid made the command its group's leader
            }
            TrialProcessFile.write(runDir, process.toHandle(), group.isPresent());
            return new Started(process, group, stdoutLog);
        } catch (IOException | RuntimeException failure) {
            if (process != null) {
                ProcessTree.destroy(process.toHandle(), group, Duration.ZERO);
            }
            group.ifPresent(ProcessGroup::close);
            if (stdoutLog != null) {
                stdoutLog.close();
            }
            throw failure;
        }
    }

    private enum Ending { EXITED, TIMED_OUT, CANCELLED, INTERRUPTED, CANNOT_WRITE }

    private static ProcessBuilder processBuilder(ExternalRun run, Path runDir) {
        ProcessBuilder builder = new ProcessBuilder(run.command());
        run.workingDirectory().ifPresent(dir -> builder.directory(dir.toFile()));
        builder.redirectError(ProcessBuilder.Redirect.appendTo(runDir.resolve(STDERR_LOG).toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("PYTHONUNBUFFERED", "1");
        environment.putAll(run.environment());
        environment.put(RUN_DIR_VARIABLE, runDir.toString());
        return builder;
    }

    private static Ending await(Process process, Optional<Duration> timeout, Cancellation cancellation,
                                CompletableFuture<IOException> cannotWrite) {
        CompletableFuture<Object> first = CompletableFuture.anyOf(process.onExit(), cancellation.requested(),
                cannotWrite);
        try {
            if (timeout.isPresent()) {
                first.get(nanos(timeout.get()), TimeUnit.NANOSECONDS);
            } else {
                first.get();
            }
        } catch (TimeoutException limitReached) {
            return process.isAlive() ? Ending.TIMED_OUT : Ending.EXITED;
        } catch (InterruptedException interrupt) {
            return process.isAlive() ? Ending.INTERRUPTED : Ending.EXITED;
        } catch (ExecutionException unexpected) {
            throw new IllegalStateException("waiting for " + process.pid() + " failed", unexpected.getCause());
        }
        if (!process.isAlive()) {
            return Ending.EXITED; // a command that ended on its own as the cancel came in: its exit code says how
        }
        return cannotWrite.isDone() ? Ending.CANNOT_WRITE : Ending.CANCELLED;
    }

    /** Waits, bounded, for the output's end; an interrupt now only shortens the wait (the tree is stopped). */
    private static boolean awaitOutput(Thread pumpThread) {
        try {
            pumpThread.join(OUTPUT_WAIT);
            return false;
        } catch (InterruptedException interrupt) {
            return true;
        }
    }

    private static ExternalResult result(Ending ending, boolean stopped, int exitCode, Duration elapsed, long steps,
                                         Optional<Duration> timeout, Optional<String> cannotWrite) {
        String unstoppable = stopped ? "" : "; some of its processes could not be stopped";
        return switch (ending) {
            case EXITED -> exitCode == 0
                    ? new ExternalResult(RunStatus.FINISHED, 0, elapsed, steps, Optional.empty())
                    : new ExternalResult(RunStatus.FAILED, exitCode, elapsed, steps,
                            Optional.of("exited with code " + exitCode));
            case TIMED_OUT -> new ExternalResult(RunStatus.FAILED, exitCode, elapsed, steps,
                    Optional.of("timed out after " + seconds(timeout.orElseThrow()) + " s" + unstoppable));
            case CANCELLED, INTERRUPTED -> new ExternalResult(RunStatus.CANCELLED, exitCode, elapsed, steps,
                    Optional.of("cancelled" + unstoppable));
            case CANNOT_WRITE -> new ExternalResult(RunStatus.FAILED, exitCode, elapsed, steps,
                    Optional.of(cannotWrite.orElseThrow() + unstoppable));
        };
    }

    private static ExternalResult end(TunescopeRunWriter writer, ExternalResult result) throws IOException {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (result.exitCode() != -1) {
            facts.put("exit_code", result.exitCode());
        }
        facts.put("elapsed_s", seconds(result.elapsed()));
        result.reason().ifPresent(reason -> facts.put("reason", reason));
        writer.status(result.status(), facts);
        return result;
    }

    private static Map<String, Object> describe(ExternalRun run) {
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("kind", "command");
        workload.put("command", run.command());
        workload.put("working_directory",
                run.workingDirectory().orElse(Path.of("")).toAbsolutePath().toString());
        run.timeout().ifPresent(limit -> workload.put("timeout_s", seconds(limit)));
        return workload;
    }

    /** A timeout in nanoseconds; one of centuries waits "only" 292 years. */
    private static long nanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
