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
import java.util.LinkedHashMap;
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
 * <p>A timeout or a {@link Cancellation} stops the whole process tree ({@link ProcessTree}). The call returns
 * once the process has ended and its output has been read, or after a bounded wait for output still held open
 * by a process the command left behind: it never blocks forever.
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
     * @throws IOException when the run folder cannot be written; a command that cannot be started is a failed
     *                     run, not an exception
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
            OutputStream stdoutLog = Files.newOutputStream(runDir.resolve(STDOUT_LOG), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            Process process;
            try {
                process = processBuilder(run, runDir).start();
            } catch (IOException | RuntimeException cannotStart) {
                stdoutLog.close();
                return new Launch(end(writer, new ExternalResult(RunStatus.FAILED, -1, since(start), 0,
                        Optional.of("could not start " + run.command().getFirst() + ": " + cannotStart.getMessage()))),
                        false);
            }
            try {
                process.getOutputStream().close(); // a command that reads its input sees its end, not a wait
                StdoutPump pump = new StdoutPump(process.getInputStream(), stdoutLog, writer);
                Thread pumpThread = Thread.ofPlatform().daemon().name("stdout of " + run.name()).start(pump);
                Ending ending = await(process, run.timeout(), cancellation);
                boolean stopped = ending == Ending.EXITED || ProcessTree.destroy(process.toHandle(), grace);
                boolean interruptedLate = awaitOutput(pumpThread);
                int exitCode = process.isAlive() ? -1 : process.exitValue();
                ExternalResult result = result(ending, stopped, exitCode, since(start), pump.stepsLogged(),
                        run.timeout());
                return new Launch(end(writer, result), ending == Ending.INTERRUPTED || interruptedLate);
            } finally {
                if (process.isAlive()) { // only after an unexpected error: never leave the command running
                    ProcessTree.destroy(process.toHandle(), grace);
                }
            }
        }
    }

    private enum Ending { EXITED, TIMED_OUT, CANCELLED, INTERRUPTED }

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

    private static Ending await(Process process, Optional<Duration> timeout, Cancellation cancellation) {
        CompletableFuture<Object> first = CompletableFuture.anyOf(process.onExit(), cancellation.requested());
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
        // a command that ended on its own as the cancel came in finished; its exit code says how
        return process.isAlive() ? Ending.CANCELLED : Ending.EXITED;
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
                                         Optional<Duration> timeout) {
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
