package dev.tunescope.train;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a user's training script, in Java so the launcher's tests need nothing but the JDK. Tests start
 * it through {@link ExternalLauncher} as {@code java -cp <test classpath> dev.tunescope.train.FakeTrainingProgram
 * ARGS}. It first writes its arguments, as a JSON array, to {@code argv.json} in the folder named by
 * {@code TUNESCOPE_RUN_DIR}, so a test sees exactly where one argument ends, and its working directory to
 * {@code cwd.txt} there; then it acts on these, in this order
 * (any other argument is only echoed):
 * <pre>
 * --metrics N       prints N metric lines (train/loss 1/step, lr 0.1) between lines that are not metrics, and
 *                   a line to standard error
 * --out DIR         writes 3 steps of metrics.jsonl into DIR (the command's own logs)
 * --child           starts a copy of itself that sleeps, sharing its output, and writes its pid to child.pid
 *                   in the run folder
 * --ignore-term     ignores the polite stop request (SIGTERM), as a hung script might
 * --sleep           sleeps until killed, after printing "sleeping" (a child prints "child asleep": it shares the
 *                   output, and a test that waits for the parent, which has written child.pid by then, must not
 *                   take the child's line for it)
 * --exit CODE       exits with CODE
 * </pre>
 */
public final class FakeTrainingProgram {
    private FakeTrainingProgram() {
    }

    public static void main(String[] args) throws Exception {
        String runDirVariable = System.getenv(ExternalLauncher.RUN_DIR_VARIABLE);
        Path runDir = Path.of(runDirVariable == null ? "." : runDirVariable);
        List<String> argv = List.of(args);
        if (runDirVariable != null && !argv.contains("--is-child")) {
            Files.write(runDir.resolve("argv.json"), new JsonMapper().writeValueAsBytes(argv));
            Files.writeString(runDir.resolve("cwd.txt"), Path.of("").toAbsolutePath().toString());
        }
        PrintStream out = System.out;
        int metrics = intAfter(argv, "--metrics", 0);
        for (int step = 1; step <= metrics; step++) {
            out.println("epoch 0 | step " + step + " | progress"); // noise a real script prints
            out.printf("{\"step\": %d, \"train/loss\": %s, \"lr\": 0.1}%n", step, 1.0 / step);
        }
        if (metrics > 0) {
            out.println("{\"step\": \"not a number\", \"train/loss\": 5}");
            out.println("{not json");
            System.err.println("warning: this is standard error");
        }
        String outDir = after(argv, "--out");
        if (outDir != null) {
            Files.createDirectories(Path.of(outDir));
            StringBuilder own = new StringBuilder();
            for (int step = 1; step <= 3; step++) {
                own.append("{\"step\": ").append(step).append(", \"own/loss\": ").append(10.0 / step).append("}\n");
            }
            Files.writeString(Path.of(outDir).resolve("metrics.jsonl"), own);
        }
        if (argv.contains("--child")) {
            Process child = new ProcessBuilder(javaCommand(), "-cp", System.getProperty("java.class.path"),
                    FakeTrainingProgram.class.getName(), "--is-child", "--sleep").inheritIO().start();
            Files.writeString(runDir.resolve("child.pid"), Long.toString(child.pid()));
        }
        if (argv.contains("--ignore-term")) {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> { });
        }
        out.flush();
        if (argv.contains("--sleep")) {
            out.println(argv.contains("--is-child") ? "child asleep" : "sleeping");
            out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        System.exit(intAfter(argv, "--exit", 0));
    }

    /** The command that starts this program: the running JVM with the test classpath. */
    public static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), FakeTrainingProgram.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String after(List<String> argv, String flag) {
        int at = argv.indexOf(flag);
        return at >= 0 && at + 1 < argv.size() ? argv.get(at + 1) : null;
    }

    private static int intAfter(List<String> argv, String flag, int otherwise) throws IOException {
        String value = after(argv, flag);
        return value == null ? otherwise : Integer.parseInt(value);
    }
}
