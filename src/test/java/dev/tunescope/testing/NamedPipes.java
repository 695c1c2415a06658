package dev.tunescope.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Real named pipes (FIFOs, made with {@code mkfifo}) for tests of readers that must never open one: opening a pipe
 * for reading blocks until a writer comes. {@link #within} turns such a hang into a test failure.
 */
public final class NamedPipes {
    private NamedPipes() {
    }

    /** Makes a named pipe at {@code path}, replacing a file there. */
    public static Path make(Path path) throws IOException, InterruptedException {
        Files.deleteIfExists(path);
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        String output = new String(mkfifo.getInputStream().readAllBytes());
        assertThat(mkfifo.waitFor()).as("mkfifo " + path + ": " + output).isZero();
        return path;
    }

    /**
     * Runs {@code read} on a daemon thread and returns what it returns. If it has not returned after
     * {@code timeout}, a reader is stuck opening one of {@code pipes}: each is opened for writing (which lets
     * that open return, so no thread is left hanging) and the test fails.
     */
    public static <T> T within(Duration timeout, List<Path> pipes, Callable<T> read) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                result.complete(read.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "reads-beside-named-pipes");
        reader.setDaemon(true);
        reader.start();
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            pipes.forEach(NamedPipes::release);
            return fail("reading did not return within " + timeout + ": it is blocked opening a named pipe");
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof Exception e ? e : new IllegalStateException(failed.getCause());
        }
    }

    private static void release(Path pipe) {
        Thread writer = new Thread(() -> {
            try (FileOutputStream unblock = new FileOutputStream(pipe.toFile())) {
                unblock.flush();
            } catch (IOException ignored) {
                // the pipe is gone: nothing was waiting on it
            }
        }, "releases-" + pipe.getFileName());
        writer.setDaemon(true);
        writer.start();
    }
}
