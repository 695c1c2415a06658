package dev.tunescope.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, tiny file system that fills up: a tmpfs of a few kilobytes mounted on a test folder, so a full disk is
 * the kernel's own {@code ENOSPC} and short writes, not a simulation. Mounting needs root (CAP_SYS_ADMIN); where it
 * is refused the test is skipped with mount's own reason, and the injected full-disk variants still run.
 */
public final class SmallTmpfs implements AutoCloseable {
    private final Path mountPoint;

    private SmallTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a tmpfs of {@code size} (e.g. {@code 64k}) on {@code mountPoint}, or skips the calling test. */
    public static SmallTmpfs mount(Path mountPoint, String size) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        Result mounted = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0755", "tmpfs",
                mountPoint.toString());
        assumeTrue(mounted.code() == 0, "the tmpfs variant needs to mount a file system (root with CAP_SYS_ADMIN),"
                + " and mount said: " + mounted.output().strip());
        return new SmallTmpfs(mountPoint);
    }

    public Path root() {
        return mountPoint;
    }

    /** Writes {@code name} until the file system has no room left; returns the file. */
    public Path fill(String name) throws IOException {
        Path filler = mountPoint.resolve(name);
        byte[] block = new byte[1024];
        try (var out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // "No space left on device": what the test wanted
        }
        return filler;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Result unmounted = run("umount", mountPoint.toString());
        if (unmounted.code() != 0) {
            throw new IOException("could not unmount " + mountPoint + ": " + unmounted.output());
        }
    }

    private record Result(int code, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noSuchProgram) {
            return new Result(-1, noSuchProgram.getMessage());
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Result(-1, command[0] + " did not return");
        }
        return new Result(process.exitValue(), output);
    }
}
