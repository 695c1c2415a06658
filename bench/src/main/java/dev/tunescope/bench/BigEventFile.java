package dev.tunescope.bench;

import dev.tunescope.run.Histogram;
import dev.tunescope.testing.EventFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A large event file shaped like tensorboardX's output: 10 scalar tags logged every step as {@code simple_value}
 * float32 for 200,000 steps (2 million scalars), wall times about 3 ms apart with a millisecond of jitter and a 2 s
 * pause every 5,000 steps (the real tensorboardX fixture's pace), and 3 histogram tags of 30 buckets every 904
 * steps (663 histograms). About 100 MB; written once and kept.
 */
final class BigEventFile {
    static final int TAGS = 10;
    static final int STEPS = 200_000;
    static final long SCALARS = (long) TAGS * STEPS;
    private static final String[] HISTOGRAM_TAGS = {"weights/fc1", "weights/fc2", "grads/fc1"};
    private static final int HISTOGRAM_EVERY = 904;

    private BigEventFile() {
    }

    /** The run folder holding the file, written under {@code work} unless it is there already. */
    static Path write(Path work) throws IOException {
        Path run = work.resolve("tensorboardx-big");
        Path done = run.resolve("done");
        if (Files.exists(done)) {
            return run;
        }
        Files.createDirectories(run);
        Random random = new Random(14);
        double wall = 1_795_436_463.429321;
        try (EventFileWriter out = new EventFileWriter(eventFile(run))) {
            for (int step = 1; step <= STEPS; step++) {
                wall += 0.003 + random.nextInt(3) * 0.001 + (step % 5000 == 0 ? 2.0 : 0);
                for (int tag = 0; tag < TAGS; tag++) {
                    float value = (float) (Math.exp(-step / 50_000.0) * (1 + tag) + 0.01 * random.nextGaussian());
                    out.scalar("train/metric_" + tag, step, wall + tag * 1e-5, value);
                }
                if (step % HISTOGRAM_EVERY == 0) {
                    for (String tag : HISTOGRAM_TAGS) {
                        out.histogram(tag, step, wall, histogram(random));
                    }
                }
            }
        }
        Files.writeString(done, "");
        return run;
    }

    /** The one event file in the run folder {@link #write} returns. */
    static Path eventFile(Path run) {
        return run.resolve("events.out.tfevents.1795436463.bench");
    }

    private static Histogram histogram(Random random) {
        double[] limits = new double[30];
        double[] counts = new double[30];
        for (int i = 0; i < 30; i++) {
            limits[i] = -1.5 + 0.1 * (i + 1);
            counts[i] = random.nextInt(1000);
        }
        return new Histogram(-1.5, 1.5, 15_000, 0.1, 500, limits, counts);
    }
}
