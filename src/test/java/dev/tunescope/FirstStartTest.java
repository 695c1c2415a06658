package dev.tunescope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a newcomer sees on the first start, in a JVM of its own as {@code java -jar} runs it: on a machine without
 * a display, a message with the way out instead of JavaFX's stack trace; from {@code train}, no logging noise,
 * and where the run went.
 */
class FirstStartTest {
    @TempDir
    Path dir;

    private record Ended(int code, String out, String err) {
    }

    private Ended tunescope(Map<String, String> environment, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tunescope did not end");
        }
        return new Ended(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    /** The JVM options {@code ./tunescope} passes. */
    private static List<String> launcherOptions() {
        List<String> options = new ArrayList<>(List.of("-Dai.djl.offline=true", "-XX:+UseG1GC"));
        if (Runtime.version().feature() >= 24) {
            options.addAll(List.of("--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED"));
        }
        return options;
    }

    @Test
    void withoutADisplayTheAppSaysWhatToDo() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));

        Ended ended = tunescope(Map.of(), List.of(), runs.toString());

        assertThat(ended.code()).isEqualTo(1);
        assertThat(ended.err()).startsWith("tunescope: the desktop app needs a display, and DISPLAY is not set.")
                .contains("xvfb-run -a ./tunescope sample-runs/", "GTK 3").doesNotContain("Exception", "WARNING");
    }

    @Test
    void aDisplayThatCannotBeOpenedGivesTheSameHint() throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));

        Ended ended = tunescope(Map.of("DISPLAY", ":87"), List.of(), runs.toString());

        assertThat(ended.code()).isEqualTo(1);
        assertThat(ended.err()).contains("tunescope: the desktop app could not start", "xvfb-run -a", "GTK 3")
                .doesNotContain("Exception in thread", "\tat ");
    }

    @Test
    void trainPrintsNoLoggingNoiseAndSaysWhereTheRunIs() throws Exception {
        Path run = dir.resolve("first-run");

        Ended ended = tunescope(Map.of(), launcherOptions(), "train", "--lr", "0.05", "--steps", "20", "--out",
                run.toString());

        assertThat(ended.code()).as(ended.err()).isZero();
        assertThat(ended.err()).as("standard error").isEmpty();
        assertThat(ended.out()).contains("Run written to " + run + ": finished after 20 steps, final eval loss ");
    }
}
