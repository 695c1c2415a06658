package dev.tunescope.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.io.TensorBoardRunSource;
import dev.tunescope.remote.ConnectionStatus.State;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.BlackHoleProxy;
import dev.tunescope.testing.EventFileWriter;
import dev.tunescope.testing.LoopbackSshServer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run read over SFTP while its connection is killed, from an embedded SSH server on loopback: in the middle of
 * a file being read, between the refreshes of a run being written, and with the server down for a while. Whatever
 * the drop, the series read in the end is the local read of the same file: no point lost, none read twice, and no
 * refresh ever shows a point of a record not yet whole.
 */
class SftpReconnectTest {
    /** Fast enough for a test, the same shape as the default: attempts at once, then 50, 100, 200, 200 ms... */
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200),
            Duration.ofMillis(1500));
    private static final int STEPS = 40_000;

    @TempDir
    Path dir;
    private byte[] whole;
    private Run local;
    private Path served;
    private LoopbackSshServer server;
    private SshFolders folders;
    private final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();

    @BeforeEach
    void writeTheRunAndServeIt() throws Exception {
        Path localRun = Files.createDirectories(dir.resolve("local/run"));
        Path file = localRun.resolve("events.out.tfevents.1700000000.host");
        try (EventFileWriter writer = new EventFileWriter(file)) {
            for (int step = 1; step <= STEPS; step++) {
                writer.scalar("train/loss", step, 1.7e9 + step, (float) (5.0 / step));
                if (step % 10 == 0) {
                    writer.scalar("eval/loss", step, 1.7e9 + step, (float) (6.0 / step));
                }
            }
        }
        whole = Files.readAllBytes(file);
        local = new TensorBoardRunSource(localRun, "run").refresh();
        served = Files.createDirectories(dir.resolve("served/run"));
        server = new LoopbackSshServer(dir.resolve("served"), LoopbackSshServer.ecKey());
        folders = new SshFolders(server.sshDir(dir.resolve("home")), HostKeyConsent.REFUSE,
                FilePasswordProvider.EMPTY, QUICK);
        folders.onStatus(statuses::add);
    }

    @AfterEach
    void stop() throws Exception {
        folders.close();
        server.close();
    }

    private Path servedFile() {
        return served.resolve("events.out.tfevents.1700000000.host");
    }

    private TensorBoardRunSource remoteSource() throws Exception {
        return new TensorBoardRunSource(folders.open(SshLocation.parse(server.address("run"))), "run");
    }

    @Test
    void aConnectionKilledInTheMiddleOfAReadLosesAndRepeatsNoPoint() throws Exception {
        Files.write(servedFile(), whole);
        TensorBoardRunSource source = remoteSource();
        server.killWhenSent(whole.length / 3);

        Run run = source.refresh();

        assertSameSeries(run, local);
        assertThat(run.warnings()).isEmpty();
        assertThat(server.sessionsOpened()).as("sessions: the first, and one after the kill").isEqualTo(2);
        assertThat(statuses).extracting(ConnectionStatus::state)
                .containsSubsequence(State.CONNECTED, State.RECONNECTING, State.CONNECTED);
        assertThat(statuses.getLast().describe()).isEqualTo("reconnected to 127.0.0.1 (attempt 1)");
    }

    @Test
    void aLiveRunFollowedThroughKilledSessionsAndARestartedServerEndsAsTheLocalRead() throws Exception {
        Files.write(servedFile(), new byte[0]);
        TensorBoardRunSource source = remoteSource();
        Random random = new Random(15);
        int written = 0;
        int refreshes = 0;
        long[] allSteps = local.scalars().get("train/loss").stepsCopy();
        while (written < whole.length) {
            // the writer appends pieces that start and end anywhere, so records arrive cut in two
            int piece = Math.min(whole.length - written, 1 + random.nextInt(40_000));
            try (OutputStream out = Files.newOutputStream(servedFile(), StandardOpenOption.APPEND)) {
                out.write(whole, written, piece);
            }
            written += piece;
            refreshes++;
            if (refreshes % 7 == 3) {
                server.killSessions(); // between two refreshes
            } else if (refreshes % 7 == 5) {
                server.killWhenSent(server.bytesSent() + piece / 2); // during the next one
            } else if (refreshes == 20) {
                server.stop(); // down for longer than a few attempts, not for longer than the backoff allows
                Thread.sleep(400);
                server.restart();
            }
            Run now = source.refresh();
            ScalarSeries loss = now.scalars().get("train/loss");
            long[] steps = loss == null ? new long[0] : loss.stepsCopy();
            // what a refresh shows is always a prefix of the whole series: nothing twice, nothing from half a record
            assertThat(steps).as("after refresh " + refreshes).isEqualTo(Arrays.copyOf(allSteps, steps.length));
        }
        // a kill armed "during the next refresh" may not have come yet when the last piece was small: the final read
        // must not be cut, since it is the one compared whole with the local read
        server.keepSessions();
        Run last = source.refresh();

        assertSameSeries(last, local);
        assertThat(last.warnings()).isEmpty();
        assertThat(server.sessionsOpened()).isGreaterThan(refreshes / 7);
        assertThat(statuses).extracting(ConnectionStatus::state).doesNotContain(State.LOST);
    }

    @Test
    void aHostThatStaysDownIsLostInOneLineAndFoundAgainByALaterRead() throws Exception {
        Files.write(servedFile(), Arrays.copyOf(whole, whole.length / 2));
        TensorBoardRunSource source = remoteSource();
        long before = source.refresh().scalars().get("train/loss").size();
        server.stop();

        Run down = source.refresh();

        assertThat(down.scalars().get("train/loss").size()).as("what was read is kept").isEqualTo(before);
        assertThat(statuses.getLast().state()).isEqualTo(State.LOST);
        ConnectionStatus gaveUp = statuses.stream().filter(s -> s.state() == State.LOST).findFirst().orElseThrow();
        assertThat(gaveUp.describe()).startsWith(server.address("run") + ": the connection to 127.0.0.1 dropped and"
                + " could not be re-opened (").containsPattern("attempts in [12] s; last: cannot connect \\(Connection refused\\)\\)$")
                .doesNotContain("\n");
        assertThat(gaveUp.attempt()).as("0, 50, 100, 200, 200, ... ms: attempts within 1.5 s").isBetween(5, 10);

        Files.write(servedFile(), Arrays.copyOfRange(whole, whole.length / 2, whole.length),
                StandardOpenOption.APPEND);
        server.restart();
        Run back = source.refresh();

        assertSameSeries(back, local);
        assertThat(statuses.getLast().state()).isEqualTo(State.CONNECTED);
    }

    @Test
    void aLinkThatGoesSilentIsGivenUpByItsKeepalivesAndReopened() throws Exception {
        Files.write(servedFile(), Arrays.copyOf(whole, whole.length / 2));
        try (BlackHoleProxy link = new BlackHoleProxy(server.port());
             SshFolders throughLink = new SshFolders(server.sshDir(dir.resolve("home-via-link"), link.port()),
                     HostKeyConsent.REFUSE, FilePasswordProvider.EMPTY, QUICK, Duration.ofMillis(200))) {
            throughLink.onStatus(statuses::add);
            TensorBoardRunSource source = new TensorBoardRunSource(throughLink.open(SshLocation.parse(
                    "ssh://reader@127.0.0.1:" + link.port() + "/run")), "run");
            source.refresh();
            Files.write(servedFile(), Arrays.copyOfRange(whole, whole.length / 2, whole.length),
                    StandardOpenOption.APPEND);
            link.silenceOpenConnections();

            // The refresh waits until three keepalives go unanswered; the request it was waiting for then fails
            // with the link (a listing: nothing new this time), so the next refresh, on a new session, reads the rest.
            long start = System.nanoTime();
            Run run = source.refresh();
            if (run.scalars().get("train/loss").size() < STEPS) {
                run = source.refresh();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertSameSeries(run, local);
            assertThat(statuses).extracting(ConnectionStatus::state).containsSubsequence(State.RECONNECTING,
                    State.CONNECTED);
            assertThat(took).as("three missed keepalives 200 ms apart, then one attempt").isLessThan(
                    Duration.ofSeconds(5));
        }
    }

    private static void assertSameSeries(Run actual, Run expected) {
        assertThat(actual.scalars().keySet()).isEqualTo(expected.scalars().keySet());
        for (String tag : expected.scalars().keySet()) {
            ScalarSeries a = actual.scalars().get(tag);
            ScalarSeries e = expected.scalars().get(tag);
            assertThat(a.size()).as(tag + " points").isEqualTo(e.size()); // a short message before the long one
            assertThat(a.stepsCopy()).as(tag + " steps").isEqualTo(e.stepsCopy());
            assertThat(a.valuesCopy()).as(tag + " values").isEqualTo(e.valuesCopy());
        }
    }
}
