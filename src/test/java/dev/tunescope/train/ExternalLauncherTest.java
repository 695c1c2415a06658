package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tunescope.io.RunDiscovery;
import dev.tunescope.io.RunSource;
import dev.tunescope.io.TunescopeRunSource;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.SmallTmpfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExternalLauncher} running {@link FakeTrainingProgram}, a real separate process. */
class ExternalLauncherTest {
    private static final JsonMapper JSON = new JsonMapper();

    @TempDir
    Path dir;

    private final ExternalLauncher launcher = new ExternalLauncher(Duration.ofSeconds(2));
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<Long> childrenToReap = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        background.shutdownNow();
        // a failed test must not leave a sleeping JVM behind
        childrenToReap.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    private ExternalRun fake(Path runDir, String... args) {
        return new ExternalRun("trial", FakeTrainingProgram.command(args), runDir, Optional.empty(), Map.of(),
                Optional.empty(), Hyperparameters.NONE);
    }

    private static List<String> echoedArgv(Path runDir) throws IOException {
        return JSON.readValue(runDir.resolve("argv.json").toFile(), new TypeReference<List<String>>() { });
    }

    private static JsonNode runJson(Path runDir) throws IOException {
        return JSON.readTree(runDir.resolve("run.json").toFile());
    }

    private long childPid(Path runDir) throws IOException {
        long pid = Long.parseLong(Files.readString(runDir.resolve("child.pid")).strip());
        childrenToReap.add(pid);
        return pid;
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Whether the fake program itself (not its child) has said it sleeps, having written child.pid first. */
    private static boolean saidSleeping(Path runDir) throws IOException {
        Path log = runDir.resolve(ExternalLauncher.STDOUT_LOG);
        return Files.exists(log) && Files.readString(log).lines().anyMatch("sleeping"::equals);
    }

    /** Waits until the fake program says it sleeps (its child, if any, started): it is then safe to stop it. */
    private static void awaitSleeping(Path runDir) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!saidSleeping(runDir)) {
            assertThat(System.nanoTime()).as("the fake program never reached its sleep").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void aValueWithShellSyntaxArrivesAsOneArgumentVerbatimAndRunsNothing() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home")); // were a shell involved, ~ would be this folder
        Path canary = Files.writeString(home.resolve("canary"), "still here");
        Path sentinel = dir.resolve("sentinel");
        CommandTemplate template = CommandTemplate.of(FakeTrainingProgram.command("--lr", "{lr}", "--note={run_name}",
                "--out", "{out}"));
        String injection = "1e-3; rm -rf ~";
        String substitution = "$(touch " + sentinel + ") `touch " + sentinel + "` && touch " + sentinel + " | x > y";
        Path runDir = dir.resolve("run");
        List<String> argv = template.render(Map.of("lr", injection, "run_name", substitution,
                "out", runDir.resolve("out").toString()));
        ExternalRun run = new ExternalRun("trial", argv, runDir, Optional.empty(), Map.of("HOME", home.toString()),
                Optional.empty(), Hyperparameters.NONE);

        ExternalResult result = launcher.run(run);

        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(echoedArgv(runDir)).containsExactly("--lr", injection, "--note=" + substitution,
                "--out", runDir.resolve("out").toString());
        assertThat(sentinel).doesNotExist();
        assertThat(canary).hasContent("still here");
    }

    @Test
    void stdoutMetricLinesBecomeTheRunsMetricsAndBothStreamsAreLogged() throws Exception {
        Path runDir = dir.resolve("lr=0.1");
        TrialValues trial = new TrialValues(0.1, 10, 1.0, 32, 5, 1, "lr=0.1");
        CommandTemplate template = CommandTemplate.of(FakeTrainingProgram.command("--metrics", "{steps}",
                "--lr", "{lr}"));

        ExternalResult result = launcher.run(ExternalRun.forTrial(template, trial, runDir));

        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(result.exitCode()).isZero();
        assertThat(result.stepsLogged()).isEqualTo(5);
        assertThat(result.reason()).isEmpty();
        Run read = new TunescopeRunSource(runDir, "x").refresh();
        assertThat(read.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(read.name()).isEqualTo("lr=0.1");
        assertThat(read.hyperparameters().number("lr")).contains(0.1);
        assertThat(read.hyperparameters().number("warmup_steps")).contains(10.0);
        ScalarSeries loss = read.scalars().get("train/loss");
        assertThat(loss.stepsCopy()).containsExactly(1, 2, 3, 4, 5);
        assertThat(loss.valuesCopy()).containsExactly(1.0, 0.5, 1.0 / 3, 0.25, 0.2);
        assertThat(read.scalars().get("lr").valuesCopy()).containsOnly(0.1);
        assertThat(read.scalars()).containsOnlyKeys("train/loss", "lr");
        assertThat(read.warnings()).isEmpty();
        assertThat(Files.readString(runDir.resolve(ExternalLauncher.STDOUT_LOG)))
                .contains("epoch 0 | step 3 | progress\n", "{\"step\": 5, \"train/loss\": 0.2, \"lr\": 0.1}\n",
                        "{not json\n");
        assertThat(Files.readString(runDir.resolve(ExternalLauncher.STDERR_LOG)))
                .isEqualTo("warning: this is standard error\n");
        JsonNode workload = runJson(runDir).get("workload");
        assertThat(workload.get("kind").asText()).isEqualTo("command");
        assertThat(workload.get("exit_code").asInt()).isZero();
        assertThat(workload.get("command").get(workload.get("command").size() - 1).asText()).isEqualTo("0.1");
    }

    @Test
    void logsTheCommandWritesIntoOutAreFoundAsARunOfTheirOwn() throws Exception {
        Path study = dir.resolve("study");
        Path runDir = study.resolve("trial-1");
        TrialValues trial = new TrialValues(0.01, 0, 0, 8, 3, 0, "trial-1");
        CommandTemplate template = CommandTemplate.of(FakeTrainingProgram.command("--out", "{out}"));

        launcher.run(ExternalRun.forTrial(template, trial, runDir));

        List<RunSource> runs = RunDiscovery.discover(study);
        assertThat(runs).extracting(RunSource::path).containsExactly("trial-1", "trial-1/out");
        Run own = runs.get(1).refresh();
        assertThat(own.scalars().get("own/loss").stepsCopy()).containsExactly(1, 2, 3);
        assertThat(own.scalars().get("own/loss").valuesCopy()).containsExactly(10.0, 5.0, 10.0 / 3);
    }

    @Test
    void aNonZeroExitIsAFailedRunWithItsExitCode() throws Exception {
        Path runDir = dir.resolve("run");

        ExternalResult result = launcher.run(fake(runDir, "--metrics", "2", "--exit", "3"));

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stepsLogged()).isEqualTo(2);
        assertThat(result.reason()).contains("exited with code 3");
        JsonNode json = runJson(runDir);
        assertThat(json.get("status").asText()).isEqualTo("failed");
        assertThat(json.get("workload").get("exit_code").asInt()).isEqualTo(3);
        assertThat(json.get("workload").get("reason").asText()).isEqualTo("exited with code 3");
        assertThat(new TunescopeRunSource(runDir, "x").refresh().scalars().get("train/loss").size()).isEqualTo(2);
    }

    @Test
    void aTimeoutKillsTheProcessAndTheChildItStarted() throws Exception {
        Path runDir = dir.resolve("run");
        Duration timeout = Duration.ofSeconds(5); // room for two JVMs to start on a busy machine

        ExternalResult result = launcher.run(fake(runDir, "--child", "--sleep").withTimeout(timeout));

        assertThat(saidSleeping(runDir)).as("the child had started before the timeout").isTrue();
        long child = childPid(runDir);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("timed out after 5"));
        assertThat(result.elapsed()).isGreaterThanOrEqualTo(timeout); // it sleeps forever: only the timeout ends it
        assertThat(alive(child)).as("child " + child + " is alive").isFalse();
        assertThat(runJson(runDir).get("status").asText()).isEqualTo("failed");
        assertThat(runJson(runDir).get("workload").get("reason").asText()).startsWith("timed out");
    }

    @Test
    void aCancelFromAnotherThreadStopsTheProgramAndItsChild() throws Exception {
        Path runDir = dir.resolve("run");
        Cancellation cancellation = new Cancellation();
        Future<ExternalResult> running = background.submit(
                () -> launcher.run(fake(runDir, "--metrics", "1", "--child", "--sleep"), cancellation));
        awaitSleeping(runDir);
        long child = childPid(runDir);
        assertThat(alive(child)).isTrue();

        cancellation.cancel();
        // the program sleeps forever: a result at all means the cancel stopped it (the bound only guards a hang)
        ExternalResult result = running.get(60, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.stepsLogged()).isEqualTo(1);
        assertThat(alive(child)).isFalse();
        Run read = new TunescopeRunSource(runDir, "x").refresh();
        assertThat(read.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(read.scalars().get("train/loss").size()).isEqualTo(1);
    }

    @Test
    void anInterruptOfTheLaunchingThreadCancelsTheRunAndStaysSet() throws Exception {
        Path runDir = dir.resolve("run");
        AtomicReference<ExternalResult> result = new AtomicReference<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread launching = new Thread(() -> {
            try {
                result.set(launcher.run(fake(runDir, "--sleep")));
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        launching.start();
        awaitSleeping(runDir);

        launching.interrupt();
        launching.join(10_000);

        assertThat(result.get().status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(stillInterrupted).isTrue();
        assertThat(runJson(runDir).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void aProcessThatIgnoresTheStopRequestIsKilledAfterTheGracePeriod() throws Exception {
        Path runDir = dir.resolve("run");
        ExternalLauncher impatient = new ExternalLauncher(Duration.ofMillis(300));
        Cancellation cancellation = new Cancellation();
        Future<ExternalResult> running = background.submit(
                () -> impatient.run(fake(runDir, "--ignore-term", "--sleep"), cancellation));
        awaitSleeping(runDir);

        cancellation.cancel();
        ExternalResult result = running.get(10, TimeUnit.SECONDS);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.exitCode()).as("killed by SIGKILL").isEqualTo(128 + 9);
    }

    @Test
    void aWorkerTheCommandLeavesBehindWhenItExitsIsStoppedWithIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ProcessGroup.supported(), "needs setsid and /bin/sh");
        Path runDir = dir.resolve("run");

        // the program exits at once; the child it started sleeps on, orphaned, holding the output pipe
        ExternalResult result = launcher.run(fake(runDir, "--child"));

        long child = childPid(runDir);
        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(alive(child)).as("child " + child + " is alive").isFalse();
        assertThat(runDir.resolve(TrialProcessFile.NAME)).doesNotExist();
    }

    /**
     * A full disk, a real one (a 64 KiB tmpfs): the command prints far more than fits and then sleeps. Its output can
     * no longer be kept, so it is stopped rather than left to block on a pipe nobody reads, and its run says why.
     */
    @Test
    void onAFullDiskTheCommandIsStoppedAndItsRunSaysWhy() throws Exception {
        try (SmallTmpfs tmpfs = SmallTmpfs.mount(dir.resolve("small"), "64k")) {
            Path runDir = tmpfs.root().resolve("run");
            ExternalRun run = fake(runDir, "--metrics", "1000000", "--sleep").withTimeout(Duration.ofSeconds(30));

            IOException thrown = catchThrowableOfType(IOException.class, () -> launcher.run(run));

            assertThat(thrown).as("the launcher's error").isNotNull()
                    .hasMessageStartingWith("could not write " + runDir.toAbsolutePath())
                    .hasMessageContaining("No space left on device");
            JsonNode json = runJson(runDir);
            assertThat(json.get("status").asText()).isEqualTo("failed");
            assertThat(json.at("/workload/reason").asText()).isEqualTo(thrown.getMessage());
            assertThat(Files.readString(runDir.resolve("metrics.jsonl"))).endsWith("\n");
            assertThat(runDir.resolve(TrialProcessFile.NAME)).doesNotExist();
        }
    }

    @Test
    void aCommandThatCannotStartIsAFailedRun() throws Exception {
        Path runDir = dir.resolve("run");
        ExternalRun run = new ExternalRun("trial", List.of(dir.resolve("no-such-program").toString()), runDir,
                Optional.empty(), Map.of(), Optional.empty(), Hyperparameters.NONE);

        ExternalResult result = launcher.run(run);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith("could not start"));
        assertThat(runJson(runDir).get("status").asText()).isEqualTo("failed");
    }

    @Test
    void aRunCancelledBeforeItStartsStartsNothing() throws Exception {
        Path runDir = dir.resolve("run");
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();

        ExternalResult result = launcher.run(fake(runDir, "--metrics", "3"), cancellation);

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(runDir.resolve("argv.json")).doesNotExist();
        assertThat(runJson(runDir).get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void theCommandStartsInTheChosenFolderWithTheRunFolderInItsEnvironment() throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path runDir = dir.resolve("run");

        ExternalResult result = launcher.run(fake(runDir, "--metrics", "1").withWorkingDirectory(work));

        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(runDir.resolve("cwd.txt")).hasContent(work.toString()); // found through TUNESCOPE_RUN_DIR
        assertThat(runJson(runDir).get("workload").get("working_directory").asText()).isEqualTo(work.toString());
    }
}
