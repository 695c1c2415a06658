package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TrialFolder}: one writer per trial folder, and what an earlier attempt left running is stopped. */
class TrialFolderTest {
    private static final Duration GRACE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    /** A real process standing for an earlier attempt's command: {@code sleep}, in a group of its own. */
    private Process sleeper() throws IOException {
        assumeTrue(ProcessGroup.supported(), "needs setsid and /bin/sh");
        Process sleep = new ProcessBuilder(ProcessGroup.inOwnGroup(List.of("/bin/sleep", "1000"))).start();
        started.add(sleep);
        return sleep;
    }

    private static void record(Path runDir, long pid, Instant start) throws IOException {
        Files.createDirectories(runDir);
        Files.write(runDir.resolve(TrialProcessFile.NAME), new JsonMapper().writeValueAsBytes(
                Map.of("pid", pid, "start", start.toString(), "own_group", true)));
    }

    @Test
    void aSecondClaimIsRefusedUntilTheFirstIsReleased() throws IOException {
        Path runDir = dir.resolve("trial");
        try (TrialFolder first = TrialFolder.claim(runDir, GRACE).orElseThrow()) {
            assertThat(TrialFolder.claim(runDir, GRACE)).isEmpty();
        }
        try (TrialFolder again = TrialFolder.claim(runDir, GRACE).orElseThrow()) {
            assertThat(again.directory()).isEqualTo(runDir);
        }
    }

    @Test
    void theCommandOfAnEarlierAttemptIsStoppedWhenTheFolderIsClaimed() throws Exception {
        Process earlier = sleeper();
        Path runDir = dir.resolve("trial");
        record(runDir, earlier.pid(), earlier.toHandle().info().startInstant().orElseThrow());

        try (TrialFolder folder = TrialFolder.claim(runDir, GRACE).orElseThrow()) {
            assertThat(earlier.waitFor(30, TimeUnit.SECONDS)).as("the earlier attempt's command is stopped").isTrue();
            assertThat(runDir.resolve(TrialProcessFile.NAME)).doesNotExist();
        }
    }

    @Test
    void aProcessThatGotTheRecordedPidLaterIsLeftAlone() throws Exception {
        Process unrelated = sleeper();
        Path runDir = dir.resolve("trial");
        // the same pid, but a start time before this process started: the pid was used again since
        record(runDir, unrelated.pid(), unrelated.toHandle().info().startInstant().orElseThrow().minusSeconds(3600));

        try (TrialFolder folder = TrialFolder.claim(runDir, GRACE).orElseThrow()) {
            assertThat(unrelated.isAlive()).isTrue();
            assertThat(runDir.resolve(TrialProcessFile.NAME)).doesNotExist();
        }
    }

    @Test
    void cleaningKeepsOnlyTheLock() throws IOException {
        Path runDir = dir.resolve("trial");
        Files.createDirectories(runDir.resolve("out/deeper"));
        Files.writeString(runDir.resolve("out/deeper/metrics.jsonl"), "{\"step\": 1}\n");
        Files.writeString(runDir.resolve("run.json"), "{}");
        try (TrialFolder folder = TrialFolder.claim(runDir, GRACE).orElseThrow()) {
            folder.clean();
            try (Stream<Path> left = Files.list(runDir)) {
                assertThat(left.map(p -> p.getFileName().toString())).containsExactly(TrialFolder.LOCK);
            }
        }
    }

    @Test
    void anUnreadablePidFileStopsNothing() throws Exception {
        Process unrelated = sleeper();
        Path runDir = Files.createDirectories(dir.resolve("trial"));
        Files.writeString(runDir.resolve(TrialProcessFile.NAME), "{\"pid\": " + unrelated.pid() + ", \"start\": ");

        try (TrialFolder folder = TrialFolder.claim(runDir, GRACE).orElseThrow()) {
            assertThat(unrelated.isAlive()).isTrue();
        }
    }
}
