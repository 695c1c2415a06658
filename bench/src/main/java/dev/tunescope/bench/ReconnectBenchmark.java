package dev.tunescope.bench;

import dev.tunescope.io.TensorBoardRunSource;
import dev.tunescope.remote.HostKeyConsent;
import dev.tunescope.remote.SshFolders;
import dev.tunescope.remote.SshLocation;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.EventFileWriter;
import dev.tunescope.testing.LoopbackSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.sshd.common.config.keys.FilePasswordProvider;

/**
 * What a connection killed in the middle of a read costs: a whole open of a ~100 MB event file over SFTP from an
 * embedded SSH server on loopback, through {@link SshFolders} (so with its reconnection), once with the session
 * killed when half the file has been sent and once without, interleaved; with the file bytes the server sent for
 * each (the killed one also sends again what was in flight at the kill).
 *
 * <p>Usage: {@code bench/run-reconnect.sh [points] [work-dir]}.
 */
public final class ReconnectBenchmark {
    private static final String TAG = "train/loss";

    public static void main(String[] args) throws Exception {
        long points = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench/reconnect"));
        Path run = Files.createDirectories(work.resolve("served/run"));
        Path file = run.resolve("events.out.tfevents.1700000000.bench");
        Files.deleteIfExists(file);
        try (EventFileWriter writer = new EventFileWriter(file)) {
            for (long step = 1; step <= points; step++) {
                writer.scalar(TAG, step, 1.7e9 + step, (float) (5.0 / step));
            }
        }
        long size = Files.size(file);
        System.out.printf("file: %,d bytes, %,d scalar points%n", size, points);
        int rounds = 5;
        double[] plain = new double[rounds];
        double[] killed = new double[rounds];
        long[] sent = new long[rounds];
        long[] extra = new long[rounds];
        try (LoopbackSshServer server = new LoopbackSshServer(work.resolve("served"), LoopbackSshServer.ecKey());
             SshFolders folders = new SshFolders(server.sshDir(Files.createTempDirectory("reconnect-home")),
                     HostKeyConsent.REFUSE, FilePasswordProvider.EMPTY)) {
            SshLocation location = SshLocation.parse(server.address("run"));
            for (int i = -1; i < rounds; i++) { // round -1 warms both paths up
                Path folder = folders.open(location);
                long start = server.bytesSent();
                double p = seconds(() -> check(new TensorBoardRunSource(folder, "run").refresh(), points));
                long plainBytes = server.bytesSent() - start;
                int sessions = server.sessionsOpened();
                long before = server.bytesSent();
                server.killWhenSent(before + plainBytes / 2); // half way through what an open sends
                Path again = folders.open(location);
                double k = seconds(() -> check(new TensorBoardRunSource(again, "run").refresh(), points));
                if (server.sessionsOpened() - sessions != 2) {
                    throw new IllegalStateException("the kill did not happen: " + (server.sessionsOpened() - sessions)
                            + " sessions");
                }
                if (i >= 0) {
                    plain[i] = p;
                    killed[i] = k;
                    sent[i] = plainBytes;
                    extra[i] = server.bytesSent() - before - plainBytes;
                }
            }
        }
        System.out.printf("open over loopback SFTP: median %.3f s%n", Medians.of(plain));
        System.out.printf("open with the session killed half way, reconnected: median %.3f s (%+.3f s)%n",
                Medians.of(killed), Medians.of(killed) - Medians.of(plain));
        for (int i = 0; i < rounds; i++) {
            System.out.printf("round %d: %.3f s plain, %.3f s killed; the server sent %,d file bytes for the plain"
                    + " open, %+,d for the killed one%n", i + 1, plain[i], killed[i], sent[i], extra[i]);
        }
    }

    /** Every point read, none twice, no warning: a read that lost or repeated points would be no result. */
    private static void check(Run run, long points) {
        ScalarSeries series = run.scalars().get(TAG);
        if (series == null || series.size() != points || !run.warnings().isEmpty()) {
            throw new IllegalStateException("read " + (series == null ? 0 : series.size()) + " of " + points
                    + " points; warnings " + run.warnings());
        }
        long[] steps = series.stepsCopy();
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] != i + 1) {
                throw new IllegalStateException("point " + i + " has step " + steps[i]);
            }
        }
    }

    private interface Work {
        void run() throws Exception;
    }

    private static double seconds(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

}
