package dev.tunescope.bench;

import dev.tunescope.cli.TunescopeCommand;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.RunCopies;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/**
 * {@code tunescope diagnose} (or {@code inspect}) of a folder of many runs, with the JVM warm: the command run in
 * this process again and again, its output kept in memory. The folder holds copies of the shared fixture tree
 * (14 real runs each: tensorboardX sweeps, Lightning and Keras CSV, MLflow, generated TensorBoard runs), so its
 * studies are the fixtures' studies many times over. The baseline, measured in the same run and interleaved, is
 * the same command on one copy of the tree: what a command costs whatever the number of runs.
 *
 * <p>Usage: {@code bench/run-many-runs.sh [copies] [command] [work-dir]}; the one-shot figures come from the script.
 */
public final class ManyRunsBenchmark {
    private static final int WARMUPS = 3;
    private static final int MEASURED = 7;

    private ManyRunsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int copies = args.length > 0 ? Integer.parseInt(args[0]) : 72;
        String command = args.length > 1 ? args[1] : "diagnose";
        Path work = Path.of(args.length > 2 ? args[2] : "target/bench/many");
        Path many = write(work, copies);
        Path one = write(work, 1);
        if (args.length > 3 && args[3].equals("write")) {
            return;
        }
        double[] subject = new double[MEASURED];
        double[] baseline = new double[MEASURED];
        int outputLength = 0;
        for (int i = 0; i < WARMUPS + MEASURED; i++) {
            long start = System.nanoTime();
            outputLength = run(command, many);
            long middle = System.nanoTime();
            run(command, one);
            long end = System.nanoTime();
            if (i >= WARMUPS) {
                subject[i - WARMUPS] = (middle - start) / 1e9;
                baseline[i - WARMUPS] = (end - middle) / 1e9;
            }
        }
        double mine = Medians.of(subject);
        double floor = Medians.of(baseline);
        System.out.printf(Locale.ROOT, "%s of %d runs (%d copies of the fixture tree), JVM warm: %.3f s (median of %d;"
                + " %,d characters out)%n", command, 14 * copies, copies, mine, MEASURED, outputLength);
        System.out.printf(Locale.ROOT, "baseline, %s of one copy (14 runs): %.3f s; ratio %.1f%n", command, floor,
                mine / floor);
    }

    static int run(String command, Path folder) {
        CommandLine cli = TunescopeCommand.newCommandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int code = cli.execute(command, folder.toString());
        if (code != 0) {
            throw new IllegalStateException(command + " " + folder + " exited with " + code);
        }
        return out.getBuffer().length();
    }

    /** {@code copies} copies of the fixture tree under {@code work/fixtures-x<copies>}, written once. */
    static Path write(Path work, int copies) throws IOException {
        Path folder = work.resolve("fixtures-x" + copies);
        if (Files.exists(folder.resolve("done"))) {
            return folder;
        }
        for (int i = 0; i < copies; i++) {
            Path copy = folder.resolve(String.format(Locale.ROOT, "copy_%04d", i));
            for (String part : new String[] {"tb", "lightning_csv", "keras_csv", "mlflow"}) {
                if (!Files.exists(copy.resolve(part))) {
                    RunCopies.copy(Fixtures.resolve(part), copy.resolve(part));
                }
            }
        }
        Files.writeString(folder.resolve("done"), "");
        return folder;
    }

}
