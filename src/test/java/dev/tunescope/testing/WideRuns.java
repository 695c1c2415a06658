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
        return text(dir, "metrics.jsonl", out -> {
            out.write("{\"step\": 1");
            eachTag(out, ", \"p%1$05d\": %2$.1f");
            out.write("}\n");
        });
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
        return text(dir, "metrics.csv", out -> {
            out.write("epoch,step");
            eachTag(out, ",p%1$05d");
            out.write("\r\n0,0");
            eachTag(out, ",%2$.1f");
            out.write("\r\n");
        });
    }

    private interface Body {
        void write(Writer out) throws IOException;
    }

    private static Path text(Path dir, String name, Body body) throws IOException {
        Path file = Files.createDirectories(dir).resolve(name);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            body.write(out);
        }
        return file;
    }

    /** {@code format} once for each tag, given the tag's index and its value (0.0 to 0.9). */
    private static void eachTag(Writer out, String format) throws IOException {
        for (int i = 0; i < TAGS; i++) {
            out.write(String.format(Locale.ROOT, format, i, i % 10 / 10.0));
        }
    }
}
