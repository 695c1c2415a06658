package dev.tunescope.bench;

import dev.tunescope.testing.EventFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A sweep too large for a small heap: RUNS runs (learning rates) of 50 float32 tags logged every step for
 * STEPS steps, written by the test event writer (200 million points at the defaults 4 x 1,000,000, about 11 GB).
 * Wall times about 3 ms apart with a millisecond of jitter; losses carry 5% noise, and the loss of the highest
 * learning rate spikes every 100,000 steps (one point 30x the curve), so a chart that drops points would lose them. Written once and kept.
 *
 * <p>Usage: {@code java ... HugeFolder DIR [RUNS] [STEPS]}; prints the folder.
 */
public final class HugeFolder {
    static final int TAGS = 50;

    public static void main(String[] args) throws Exception {
        Path root = Files.createDirectories(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        ExecutorService writers = Executors.newFixedThreadPool(Math.min(runs, Runtime.getRuntime().availableProcessors()));
        List<Future<?>> written = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            double lr = 1e-4 * Math.pow(3, r);
            Path run = root.resolve(String.format(java.util.Locale.ROOT, "lr_%.4g", lr));
            boolean spiky = r == runs - 1;
            written.add(writers.submit(() -> {
                write(run, steps, lr, spiky);
                return null;
            }));
        }
        for (Future<?> done : written) {
            done.get();
        }
        writers.shutdown();
        System.out.println(root);
    }

    private static void write(Path run, int steps, double lr, boolean spiky) throws IOException {
        Path done = run.resolve("done");
        if (Files.exists(done)) {
            return;
        }
        Files.createDirectories(run);
        Random random = new Random(Double.hashCode(lr));
        double wall = 1_795_436_463.429321;
        try (EventFileWriter out = new EventFileWriter(run.resolve("events.out.tfevents.1795436463.huge"))) {
            for (int step = 1; step <= steps; step++) {
                wall += 0.003 + random.nextInt(2) * 0.001;
                double loss = 2 / Math.sqrt(1 + step * lr * 10) * (1 + 0.05 * random.nextGaussian());
                if (spiky && step % 100_000 == 0) {
                    loss *= 30;
                }
                out.scalar("train/loss", step, wall, (float) loss);
                for (int tag = 1; tag < TAGS; tag++) {
                    out.scalar("metric/" + tag, step, wall, (float) (loss * tag * (1 + 0.01 * random.nextGaussian())));
                }
            }
        }
        Files.writeString(done, "");
    }
}
