package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ProcessGroup} with real processes: a shell in a group of its own that starts a background worker and
 * records its pid, as a training script starts data loaders.
 */
class ProcessGroupTest {
    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @BeforeEach
    void needsGroups() {
        assumeTrue(ProcessGroup.supported(), "needs setsid and /bin/sh");
    }

    @AfterEach
    void stopLeftovers() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /** {@code sh} that starts {@code sleep} in the background, then sleeps itself. */
    private Process scriptWithWorker() throws Exception {
        Path workerPid = dir.resolve("worker.pid");
        Process script = new ProcessBuilder(ProcessGroup.inOwnGroup(List.of("/bin/sh", "-c",
                "sleep 1000 & echo $! > " + workerPid + "; sleep 1000"))).start();
        started.add(script.toHandle());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(workerPid) && !Files.readString(workerPid).isBlank())) {
            assertThat(System.nanoTime()).as("the script never started its worker").isLessThan(deadline);
            Thread.sleep(10);
        }
        started.add(ProcessHandle.of(Long.parseLong(Files.readString(workerPid).strip())).orElseThrow());
        return script;
    }

    private ProcessHandle worker() {
        return started.get(1);
    }

    @Test
    void closingTheWatchdogsPipeKillsTheWholeGroup() throws Exception {
        Process script = scriptWithWorker();
        ProcessGroup group = ProcessGroup.startWatchdog();
        group.watch(script.pid());

        group.close(); // what the kernel does when this JVM dies

        assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(script.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
        worker().onExit().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aReleasedWatchdogLeavesTheGroupAlone() throws Exception {
        Process script = scriptWithWorker();
        ProcessGroup group = ProcessGroup.startWatchdog();
        group.watch(script.pid());

        group.release();

        assertThat(script.isAlive()).isTrue();
        assertThat(worker().isAlive()).isTrue();
    }

    @Test
    void stoppingTheGroupReachesAWorkerThatIsNoLongerADescendant() throws Exception {
        Process script = scriptWithWorker();
        try (ProcessGroup group = ProcessGroup.startWatchdog()) {
            group.watch(script.pid());
            script.destroyForcibly().waitFor(); // the worker is orphaned: no longer found under the script
            assertThat(worker().isAlive()).isTrue();
            assertThat(group.isEmpty()).isFalse();

            assertThat(group.stop(Duration.ofSeconds(5))).isTrue();

            assertThat(group.isEmpty()).isTrue();
            assertThat(worker().isAlive()).isFalse();
            group.release();
        }
    }
}
