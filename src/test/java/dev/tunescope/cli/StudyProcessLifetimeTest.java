package dev.tunescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study with the user's own command, in a real Tunescope JVM that is killed with SIGKILL ({@code kill -9})
 * while the command and a worker it started run: neither may outlive it, and the resumed study must run the trial
 * once, clean, with nothing of the first attempt mixed into its logs.
 */
class StudyProcessLifetimeTest {
    private static final int STEPS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path study;
    private Path trial;
    private Path gate;
    private String command;
    private final List<ProcessHandle> toReap = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "a process group of its own needs setsid");
        study = dir.resolve("study");
        trial = study.resolve("lr_1.00e-02");
        gate = Files.createFile(dir.resolve("gate"));
        command = UsersTrainer.install(dir);
    }

    @AfterEach
    void reap() {
        toReap.forEach(ProcessHandle::destroyForcibly); // a failed test must not leave processes behind
    }

    private String[] studyArgs() {
        return new String[] {"study", "lr-sweep", "--lr-min", "0.01", "--lr-max", "0.01", "--count", "1", "--steps",
                Integer.toString(STEPS), "--out", study.toString(), "--json", "--command", command};
    }

    /** Tunescope in a JVM of its own, running the study; its trainer waits at step 3 while the gate exists. */
    private Process startTunescope() throws IOException {
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.tunescope.Main"));
        java.addAll(List.of(studyArgs()));
        ProcessBuilder builder = new ProcessBuilder(java).redirectOutput(dir.resolve("tunescope.out").toFile())
                .redirectError(dir.resolve("tunescope.err").toFile());
        builder.environment().put("TRAINER_GATE", gate.toString());
        Process tunescope = builder.start();
        toReap.add(tunescope.toHandle());
        return tunescope;
    }

    /** Waits until the command has logged 3 steps and started its worker; returns the command and the worker. */
    private List<ProcessHandle> awaitTrainerAtTheGate(Process tunescope) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.isRegularFile(trial.resolve("out/metrics.jsonl"))
                && UsersTrainer.loggedSteps(trial).size() >= 3 && UsersTrainer.workerPid(trial).isPresent()
                && Files.isRegularFile(trial.resolve(".tunescope.pid")))) {
            assertThat(tunescope.isAlive()).as(Files.readString(dir.resolve("tunescope.err"))).isTrue();
            assertThat(System.nanoTime()).as("the trainer never reached step 3").isLessThan(deadline);
            Thread.sleep(20);
        }
        JsonNode recorded = JSON.readTree(trial.resolve(".tunescope.pid").toFile());
        ProcessHandle trainer = ProcessHandle.of(recorded.get("pid").asLong()).orElseThrow();
        ProcessHandle worker = ProcessHandle.of(UsersTrainer.workerPid(trial).orElseThrow()).orElseThrow();
        toReap.add(trainer);
        toReap.add(worker);
        return List.of(trainer, worker);
    }

    private static void killNine(ProcessHandle process) throws Exception {
        process.destroyForcibly(); // SIGKILL: the process runs nothing of its own on the way out
        process.onExit().get(30, TimeUnit.SECONDS);
    }

    private static boolean goneWithin30Seconds(ProcessHandle process) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
            return true;
        } catch (Exception stillThere) {
            return !process.isAlive();
        }
    }

    private void assertResumedCleanly() throws Exception {
        InspectCommandTest.Result resumed = InspectCommandTest.execute(studyArgs());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        JsonNode outcome = JSON.readTree(resumed.out()).get("trials").get(0);
        assertThat(outcome.get("status").asText()).isEqualTo("finished");
        assertThat(outcome.get("done_before").asBoolean()).isFalse();
        assertThat(outcome.get("steps").asLong()).as("steps the command logged into {out}").isEqualTo(STEPS);
        assertThat(UsersTrainer.loggedSteps(trial)).containsExactlyElementsOf(
                LongStream.rangeClosed(1, STEPS).boxed().toList());
        assertThat(trial.resolve(".tunescope.pid")).doesNotExist();
    }

    @Test
    void killNineOfTunescopeTakesTheCommandAndItsWorkerWithItAndTheResumeRunsOneCopy() throws Exception {
        Process tunescope = startTunescope();
        List<ProcessHandle> trainerAndWorker = awaitTrainerAtTheGate(tunescope);

        InspectCommandTest.Result second = InspectCommandTest.execute(studyArgs());
        assertThat(second.exitCode()).as("a second Tunescope on the same trial").isEqualTo(ExitCodes.USAGE);
        assertThat(second.err()).contains("is being written by another Tunescope process");

        killNine(tunescope.toHandle());

        for (ProcessHandle process : trainerAndWorker) {
            assertThat(goneWithin30Seconds(process)).as("pid " + process.pid() + " outlived Tunescope").isTrue();
        }
        assertResumedCleanly();
    }

    /**
     * The watchdog killed too (as a kill of Tunescope's whole process group would): the command survives, and
     * the resume stops it, from the pid file, before the trial starts over.
     */
    @Test
    void aCommandLeftRunningByAnEarlierAttemptIsStoppedBeforeTheTrialStartsOver() throws Exception {
        Process tunescope = startTunescope();
        List<ProcessHandle> trainerAndWorker = awaitTrainerAtTheGate(tunescope);
        Optional<ProcessHandle> watchdog = tunescope.children().filter(child -> child.info().arguments()
                .map(args -> List.of(args).contains("tunescope-watchdog")).orElse(false)).findFirst();
        assertThat(watchdog).as("Tunescope's watchdog").isPresent();

        killNine(watchdog.get());
        killNine(tunescope.toHandle());
        assertThat(trainerAndWorker).as("without its watchdog the command outlives Tunescope")
                .allMatch(ProcessHandle::isAlive);

        assertResumedCleanly();
        for (ProcessHandle process : trainerAndWorker) {
            assertThat(process.isAlive()).as("pid " + process.pid() + " of the earlier attempt").isFalse();
        }
    }
}
