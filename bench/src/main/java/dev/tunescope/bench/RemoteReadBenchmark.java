package dev.tunescope.bench;

import dev.tunescope.io.TensorBoardRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.EventFileWriter;
import dev.tunescope.testing.LoopbackSftp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reading an event file over SFTP against reading it locally, both measured in the same run and interleaved: a whole
 * open of a ~100 MB file through an embedded SSH server on loopback (the baseline: the same file read from the
 * local disk), and a refresh after 1 MB was appended, with the bytes it moved.
 *
 * <p>Usage: {@code bench/run-remote.sh [points] [work-dir]}.
 */
public final class RemoteReadBenchmark {
    private static final String TAG = "train/loss";
    /** About 1 MB of scalar events from the test writer (53 bytes each, framing included). */
    private static final int EVENTS_PER_MEGABYTE = 19_800;

    public static void main(String[] args) throws Exception {
        long points = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000L;
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench/remote"));
        Path run = Files.createDirectories(work.resolve("served/run"));
        Path file = run.resolve("events.out.tfevents.1700000000.bench");
        Files.deleteIfExists(file);
        try (EventFileWriter writer = new EventFileWriter(file)) {
            for (long step = 1; step <= points; step++) {
                writer.scalar(TAG, step, 1.7e9 + step, (float) (5.0 / step));
            }
        }
        System.out.printf("file: %,d bytes, %,d scalar points%n", Files.size(file), points);
        int rounds = 5;
        double[] local = new double[rounds];
        double[] remote = new double[rounds];
        double[] refresh = new double[rounds];
        long[] moved = new long[rounds];
        long[] appended = new long[rounds];
        long nextStep = points + 1;
        try (LoopbackSftp sftp = new LoopbackSftp(work.resolve("served"))) {
            for (int i = -1; i < rounds; i++) { // round -1 warms both paths up
                long before1 = nextStep - 1;
                double l = seconds(() -> check(new TensorBoardRunSource(run, "run").refresh(), before1));
                TensorBoardRunSource live = new TensorBoardRunSource(sftp.path("run"), "run");
                double r = seconds(() -> check(live.refresh(), before1));
                byte[] more = oneMegabyteOfEvents(nextStep);
                nextStep += EVENTS_PER_MEGABYTE;
                Files.write(file, more, StandardOpenOption.APPEND);
                long before = sftp.bytesSent();
                long after = nextStep - 1;
                double f = seconds(() -> check(live.refresh(), after));
                if (i >= 0) {
                    local[i] = l;
                    remote[i] = r;
                    refresh[i] = f;
                    moved[i] = sftp.bytesSent() - before;
                    appended[i] = more.length;
                }
            }
        }
        double l = Medians.of(local);
        double r = Medians.of(remote);
        System.out.printf("baseline (open the file locally): %.3f s%n", l);
        System.out.printf("open over loopback SFTP: %.3f s, %.2fx the local open%n", r, r / l);
        for (int i = 0; i < rounds; i++) {
            System.out.printf("refresh %d: %,d bytes appended, %,d read by the server (%+d), %.3f s%n", i + 1,
                    appended[i], moved[i], moved[i] - appended[i], refresh[i]);
        }
        System.out.printf("refresh after about 1 MB appended: median %.3f s%n", Medians.of(refresh));
    }

    /** About 1 MB of whole scalar events, framed, without the file header the writer starts a file with. */
    private static byte[] oneMegabyteOfEvents(long firstStep) throws Exception {
        Path scratch = Files.createTempFile("events", ".tfevents");
        Path empty = Files.createTempFile("empty", ".tfevents");
        try {
            try (EventFileWriter writer = new EventFileWriter(scratch)) {
                for (long step = firstStep; step < firstStep + EVENTS_PER_MEGABYTE; step++) {
                    writer.scalar(TAG, step, 1.7e9 + step, (float) (5.0 / step));
                }
            }
            new EventFileWriter(empty).close();
            byte[] all = Files.readAllBytes(scratch);
            return Arrays.copyOfRange(all, (int) Files.size(empty), all.length);
        } finally {
            Files.deleteIfExists(scratch);
            Files.deleteIfExists(empty);
        }
    }

    /** Every point read, none twice: a fast read that lost points would be no result. */
    private static void check(Run run, long points) {
        ScalarSeries series = run.scalars().get(TAG);
        if (series == null || series.size() != points || !run.warnings().isEmpty()) {
            throw new IllegalStateException("read " + (series == null ? 0 : series.size()) + " of " + points
                    + " points; warnings " + run.warnings());
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
