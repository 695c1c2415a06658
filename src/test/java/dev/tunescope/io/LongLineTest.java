package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.testing.RunCopies;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines far longer than any logger writes, in real sparse files: a line buffer that grows with the line once
 * grew with a 2 GB file that has no line break, until the heap ran out and every run of the folder was lost.
 */
class LongLineTest {
    private static final Path SAMPLE_RUN = Path.of("sample-runs/post-ln-lr-sweep/lr_1.00e-02");

    @TempDir
    Path root;

    @Test
    void aTwoGigabyteFileWithoutALineBreakCostsNoMemoryAndTheRunBesideItIsRead() throws IOException {
        RunCopies.copy(SAMPLE_RUN.toAbsolutePath(), root.resolve("good"));
        Path crafted = Files.createDirectories(root.resolve("crafted"));
        try (RandomAccessFile sparse = new RandomAccessFile(crafted.resolve("metrics.jsonl").toFile(), "rw")) {
            sparse.setLength(1L << 31);
        }

        Map<String, Run> read = RunLoader.loadAll(root).stream().collect(Collectors.toMap(Run::path, r -> r));

        assertThat(read).containsOnlyKeys("good", "crafted");
        Run expected = RunLoader.loadAll(SAMPLE_RUN).get(0);
        assertThat(read.get("good").scalars().get("train/loss").valuesCopy())
                .isEqualTo(expected.scalars().get("train/loss").valuesCopy());
        assertThat(read.get("crafted").scalars()).isEmpty();
        assertThat(read.get("crafted").warnings()).contains(ReadWarning.atByte("crafted/metrics.jsonl", 0,
                "the last 2147483648 byte(s) do not end with a line break, so they were not read (a line cut off, or"
                        + " still being written)"));
    }

    @Test
    void aJsonLineOverTheLimitIsOneWarningAndTheLinesAfterItAreRead() throws IOException {
        Path run = Files.createDirectories(root.resolve("run"));
        Path metrics = run.resolve("metrics.jsonl");
        long junk = LineTail.MAX_LINE_BYTES + 1;
        writeSparseLineThen(metrics, junk, "{\"step\": 1, \"loss\": 0.5}\n{\"step\": 2, \"loss\": 0.25}\n");

        Run read = new TunescopeRunSource(run, "run").refresh();

        assertThat(read.scalars().get("loss").stepsCopy()).containsExactly(1, 2);
        assertThat(read.warnings()).contains(ReadWarning.atLine("run/metrics.jsonl", 0, 1, TextLine.TOO_LONG));
    }

    @Test
    void aCsvRowOverTheLimitIsOneWarningAndTheRowsAfterItAreRead() throws IOException {
        Path run = Files.createDirectories(root.resolve("version_0"));
        Path metrics = run.resolve("metrics.csv");
        Files.writeString(metrics, "epoch,step,loss\n0,0,1.0\n");
        long at = Files.size(metrics);
        try (RandomAccessFile file = new RandomAccessFile(metrics.toFile(), "rw")) {
            file.setLength(at + LineTail.MAX_LINE_BYTES + 1);
            file.seek(at + LineTail.MAX_LINE_BYTES + 1);
            file.write("\n0,2,0.5\n".getBytes(StandardCharsets.UTF_8));
        }

        Run read = new LightningCsvSource(run, "version_0").refresh();

        assertThat(read.scalars().get("loss").stepsCopy()).containsExactly(0, 2);
        assertThat(read.warnings()).containsExactly(ReadWarning.atLine("version_0/metrics.csv", at, 3,
                TextLine.TOO_LONG));
    }

    /** A first line of {@code length} zero bytes (a sparse stretch of the file), its line break, then {@code rest}. */
    private static void writeSparseLineThen(Path file, long length, String rest) throws IOException {
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(length);
            out.seek(length);
            out.write(("\n" + rest).getBytes(StandardCharsets.UTF_8));
        }
    }
}
