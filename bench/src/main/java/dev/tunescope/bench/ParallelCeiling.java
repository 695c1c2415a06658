package dev.tunescope.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What this machine's cores give a task that needs no coordination at all, for a parallel benchmark to be read
 * against: every file of a folder read and each text file's fields parsed as numbers, the files dealt out to
 * {@code threads} plain threads that share nothing. On a machine whose cores are shared (another tenant, or two
 * hyperthreads of one core) this stays well under the thread count, and no reader can do better than it.
 */
final class ParallelCeiling {
    private final List<List<Path>> shares;

    ParallelCeiling(Path folder, int threads) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        shares = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            shares.add(new ArrayList<>());
        }
        for (int i = 0; i < files.size(); i++) {
            shares.get(i % threads).add(files.get(i));
        }
    }

    /** Seconds to work through every file on the threads given at construction. */
    double seconds() throws InterruptedException {
        long start = System.nanoTime();
        List<Thread> running = shares.stream().map(share -> Thread.ofPlatform().start(() -> parse(share))).toList();
        for (Thread thread : running) {
            thread.join();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static volatile double sink;

    private static void parse(List<Path> files) {
        double sum = 0;
        for (Path file : files) {
            try {
                byte[] bytes = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                if (name.startsWith("events.out")) {
                    sum += bytes.length;
                    continue;
                }
                for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                    for (String field : line.split("[, ]")) {
                        try {
                            sum += Double.parseDouble(field);
                        } catch (NumberFormatException notANumber) {
                            sum += field.length();
                        }
                    }
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        }
        sink = sum;
    }
}
