package dev.tunescope.bench;

import dev.tunescope.io.TensorBoardRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.EventFileWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Ingest speed and memory of the TensorBoard reader on a 10-million-scalar event file.
 *
 * <p>The baseline, measured in the same run on the same file, is the floor any reader must pay: reading the
 * file's bytes sequentially and computing CRC32C over all of them. The reader is reported as a ratio of that.
 * Single-threaded, so the numbers are per core.
 *
 * <p>Usage: {@code bench/run-ingest.sh [points] [work-dir]}, or {@code bench/run-ingest.sh big [work-dir]} for the
 * tensorboardX-shaped {@link BigEventFile} (10 tags and histograms, so the tag lookup is not always a hit).
 */
public final class IngestBenchmark {
    private static final String[] TAGS = {"train/loss", "train/grad_norm", "train/learning_rate", "eval/loss"};

    public static void main(String[] args) throws Exception {
        boolean big = args.length > 0 && args[0].equals("big");
        long points = big ? BigEventFile.SCALARS : args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path work = Files.createDirectories(Path.of(args.length > 1 ? args[1] : "target/bench"));
        Path runDir;
        Path file;
        if (big) {
            runDir = BigEventFile.write(work);
            file = BigEventFile.eventFile(runDir);
        } else {
            runDir = Files.createDirectories(work.resolve("ingest_run"));
            file = runDir.resolve("events.out.tfevents.1700000000.bench");
            if (!Files.exists(file) || Files.size(file) == 0 || !matchesPoints(file, points)) {
                write(file, points);
            }
        }
        long bytes = Files.size(file);
        System.out.printf("file: %s, %,d bytes, %,d scalar points%n", file, bytes, points);

        int warmups = 2;
        int runs = 5;
        double[] baseline = new double[runs];
        double[] reader = new double[runs];
        Run last = null;
        for (int i = 0; i < warmups + runs; i++) {
            double b = time(() -> readAndChecksum(file));
            long start = System.nanoTime();
            last = new TensorBoardRunSource(runDir, runDir.getFileName().toString()).refresh();
            double r = (System.nanoTime() - start) / 1e9;
            if (i >= warmups) {
                baseline[i - warmups] = b;
                reader[i - warmups] = r;
            }
        }
        long read = last.scalars().values().stream().mapToLong(ScalarSeries::size).sum();
        if (read != points || !last.warnings().isEmpty()) {
            throw new IllegalStateException("read " + read + " points with warnings " + last.warnings());
        }
        double baseSeconds = Medians.of(baseline);
        double readSeconds = Medians.of(reader);
        System.out.printf("baseline (sequential read + CRC32C of every byte): %.3f s, %.0f MB/s%n", baseSeconds,
                bytes / baseSeconds / 1e6);
        System.out.printf("reader (framing, both CRCs, event decoding, series): %.3f s, %.0f MB/s, %.2f M points/s%n",
                readSeconds, bytes / readSeconds / 1e6, points / readSeconds / 1e6);
        System.out.printf("reader / baseline throughput: %.2f%n", baseSeconds / readSeconds);

        long arrayBytes = last.scalars().values().stream().mapToLong(ScalarSeries::retainedBytes).sum();
        System.out.printf("retained by the point blocks (their own count): %.2f bytes/point%n",
                (double) arrayBytes / points);
        Run keep = last;
        last = null;
        long heapWithRun = usedHeapAfterGc();
        System.out.printf("run held: %d tags%n", keep.scalars().size());
        keep = null;
        long heapWithout = usedHeapAfterGc();
        System.out.printf("retained heap of the whole Run (GC-measured): %.2f bytes/point%n",
                (double) (heapWithRun - heapWithout) / points);
    }

    private static boolean matchesPoints(Path file, long points) throws IOException {
        Path marker = file.resolveSibling("points.txt");
        return Files.exists(marker) && Files.readString(marker).strip().equals(Long.toString(points));
    }

    private static void write(Path file, long points) throws IOException {
        long steps = points / TAGS.length;
        try (EventFileWriter writer = new EventFileWriter(file)) {
            for (long step = 1; step <= steps; step++) {
                double wall = 1_700_000_000.0 + step * 0.05;
                float loss = (float) (2.0 / Math.sqrt(step) + 0.01 * Math.sin(step));
                writer.scalar(TAGS[0], step, wall, loss);
                writer.scalar(TAGS[1], step, wall, loss * 3);
                writer.scalar(TAGS[2], step, wall, 1e-3f);
                writer.scalar(TAGS[3], step, wall, loss * 1.1f);
            }
        }
        Files.writeString(file.resolveSibling("points.txt"), Long.toString(steps * TAGS.length));
    }

    private static long readAndChecksum(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(1 << 22);
            CRC32C crc = new CRC32C();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
            return crc.getValue();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }


    private interface Work {
        long run();
    }

    private static double time(Work work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }


    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
