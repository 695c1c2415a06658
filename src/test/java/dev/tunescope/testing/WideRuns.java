package dev.tunescope.testing;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs with tens of thousands of tags logged once each, in each format's own file: what a script that logs every
 * parameter's statistic as a metric writes, and what once needed a fixed block per tag (8 GB for 50,000 tags).
 */
public final class WideRuns {
    public static final int TAGS = 50_000;

    private WideRuns() {
    }

    /** One {@code metrics.jsonl} line with {@link #TAGS} keys (about 0.74 MB), in {@code dir}. */
    public static Path jsonLines(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("metrics.jsonl");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"step\": 1");
            for (int i = 0; i < TAGS; i++) {
                out.write(String.format(Locale.ROOT, ", \"p%05d\": %.1f", i, i % 10 / 10.0));
            }
            out.write("}\n");
        }
        return file;
    }

    /** An event file with one scalar for each of {@link #TAGS} tags (about 1.7 MB), in {@code dir}. */
    public static Path eventFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("events.out.tfevents.1700000000.wide");
        try (EventFileWriter writer = new EventFileWriter(file)) {
            for (int i = 0; i < TAGS; i++) {
                writer.scalar(String.format(Locale.ROOT, "p/%05d", i), 1, 1_700_000_000.0, i % 10 / 10f);
            }
        }
        return file;
    }

    /** A Lightning {@code metrics.csv} of {@link #TAGS} metric columns and one row (about 0.55 MB), in {@code dir}. */
    public static Path lightningCsv(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve("metrics.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("epoch,step");
            for (int i = 0; i < TAGS; i++) {
                out.write(String.format(Locale.ROOT, ",p%05d", i));
            }
            out.write("\r\n0,0");
            for (int i = 0; i < TAGS; i++) {
                out.write(String.format(Locale.ROOT, ",%.1f", i % 10 / 10.0));
            }
            out.write("\r\n");
        }
        return file;
    }
}
