package dev.tunescope.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of the test class path in a child JVM with a small heap: the real trigger for code that must
 * hold under little memory, where an out-of-memory error in the test JVM itself would take other tests with it.
 */
public final class SmallHeapJvm {
    /** Far beyond what the child needs; only a hang reaches it. */
    private static final long PATIENCE_SECONDS = 300;

    private SmallHeapJvm() {
    }

    /** What the child printed (stdout and stderr together) and how it exited. */
    public record Result(int exitCode, String output) {
        public List<String> lines() {
            return output.lines().toList();
        }
    }

    public static Result run(String heap, Class<?> main, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = child.getInputStream().readAllBytes();
        if (!child.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException("the child JVM did not end within " + PATIENCE_SECONDS + " s");
        }
        return new Result(child.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
