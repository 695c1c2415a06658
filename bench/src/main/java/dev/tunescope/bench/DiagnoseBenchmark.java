package dev.tunescope.bench;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import dev.tunescope.workspace.Workspace;
import dev.tunescope.testing.EventFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Time from opening a folder of 100 runs x 10,000 steps (TensorBoard event files: train loss, gradient norm and
 * learning rate every step, eval loss every 100) to the full diagnosis, with the JVM warm. Reading alone is the
 * baseline measured in the same run; the diagnosis is reported as the extra time on top of it.
 *
 * <p>Usage: {@code bench/run-diagnose.sh [runs] [steps] [work-dir]}.
 */
public final class DiagnoseBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        Path root = Path.of(args.length > 2 ? args[2] : "target/bench").resolve("sweep_" + runs + "x" + steps);
        if (!Files.exists(root.resolve("complete"))) {
            write(root, runs, steps);
        }
        int warmups = 3;
        int measured = 5;
        double[] read = new double[measured];
        double[] total = new double[measured];
        Diagnosis last = null;
        for (int i = 0; i < warmups + measured; i++) {
            long start = System.nanoTime();
            List<Run> loaded = RunLoader.loadAll(root);
            long afterRead = System.nanoTime();
            Workspace workspace = Workspace.open(root, DiagnosisSettings.DEFAULTS); // reads again, then diagnoses
            long end = System.nanoTime();
            last = workspace.diagnoses().get(0);
            if (i >= warmups) {
                read[i - warmups] = (afterRead - start) / 1e9;
                total[i - warmups] = (end - afterRead) / 1e9;
            }
        }
        double readSeconds = Medians.of(read);
        double totalSeconds = Medians.of(total);
        System.out.printf("%d runs x %d steps, %d findings, lr* = %s%n", runs, steps, last.findings().size(),
                last.lrStar().map(s -> Double.toString(s.value())).orElse("none"));
        System.out.printf("open folder to full diagnosis: %.3f s (median of %d, JVM warm)%n", totalSeconds, measured);
        System.out.printf("  of which reading (baseline): %.3f s; rules: %.3f s; total / reading = %.2f%n",
                readSeconds, totalSeconds - readSeconds, totalSeconds / readSeconds);
    }

    /** An LR sweep: log-spaced rates; the top fifth diverges at a rate-dependent step, the rest decay with noise. */
    private static void write(Path root, int runs, int steps) throws IOException {
        Random random = new Random(42);
        for (int r = 0; r < runs; r++) {
            double lr = Math.pow(10, -4 + 4.0 * r / runs);
            Path dir = Files.createDirectories(root.resolve(String.format("lr_%.3e", lr)));
            boolean diverges = r >= runs * 4 / 5;
            int divergeAt = diverges ? steps / 4 + random.nextInt(steps / 2) : Integer.MAX_VALUE;
            double floor = 0.2 + Math.abs(Math.log10(lr) + 2) * 0.1;
            try (EventFileWriter w = new EventFileWriter(dir.resolve("events.out.tfevents.1700000000.bench"))) {
                for (int s = 1; s <= steps; s++) {
                    double loss = s < divergeAt ? (floor + 2 * Math.exp(-s * lr * 0.01)) * (1 + 0.05 * random.nextGaussian())
                            : Math.pow(1.5, s - divergeAt + 1);
                    double wall = 1_700_000_000.0 + s * 0.1;
                    w.scalar("train/loss", s, wall, (float) loss);
                    w.scalar("train/grad_norm", s, wall, (float) (1 + 0.3 * Math.abs(random.nextGaussian())));
                    w.scalar("train/learning_rate", s, wall, (float) lr);
                    if (s % 100 == 0) {
                        w.scalar("eval/loss", s, wall, (float) (loss * 1.05));
                    }
                }
            }
        }
        Files.writeString(root.resolve("complete"), "");
    }

}
