package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.EventFileWriter;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.RunCopies;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event-file records whose header, checksum valid, announces more than the 64 MiB a record may have. The reader
 * sizes its buffer by a record's length, so such a header once asked for 2 GB ("Requested array size exceeds VM
 * limit") and lost every run of the folder. The files are real sparse files: the announced bytes exist (as zeros)
 * without taking disk space.
 */
class OversizedRecordTest {
    private static final String CRAFTED = "crafted/events.out.tfevents.1700000000.crafted";

    @TempDir
    Path root;

    @Test
    void aTwoGigabyteRecordInASparseFileIsSkippedAndTheRunBesideItIsRead() throws IOException {
        Path original = Fixtures.resolve("tb/mlp_lr_sweep/lr_1.00e-01");
        RunCopies.copy(original, root.resolve("good"));
        long announced = (1L << 31) - 17; // with header and footer, the whole 2 GB file
        Path file = Files.createDirectories(root.resolve("crafted")).resolve(CRAFTED.substring(8));
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write(header(announced));
            sparse.setLength(1L << 31);
        }

        Map<String, Run> read = RunLoader.loadAll(root).stream().collect(Collectors.toMap(Run::path, r -> r));

        assertThat(read).containsOnlyKeys("good", "crafted");
        Run expected = RunLoader.loadAll(original).get(0);
        assertThat(read.get("good").scalars().keySet()).isEqualTo(expected.scalars().keySet());
        expected.scalars().forEach((tag, series) -> assertThat(read.get("good").scalars().get(tag).valuesCopy())
                .as(tag).isEqualTo(series.valuesCopy()));
        assertThat(read.get("crafted").warnings()).contains(ReadWarning.atByte(CRAFTED, 0, "a record of 2147483631"
                + " bytes, over the 64 MiB a record may have, was skipped; reading resumed at byte 2147483647"));
    }

    @Test
    void theRecordsAfterAnOversizedOneAreRead() throws IOException {
        long announced = 100L << 20;
        Path file = Files.createDirectories(root.resolve("crafted")).resolve(CRAFTED.substring(8));
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.write(header(announced));
            sparse.setLength(TfRecordScanner.HEADER + announced + TfRecordScanner.FOOTER);
        }
        Files.write(file, tenScalars(root.resolve("ten")), StandardOpenOption.APPEND);

        Run run = new TensorBoardRunSource(file.getParent(), "crafted").refresh();

        assertThat(steps(run)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(run.warnings()).containsExactly(ReadWarning.atByte(CRAFTED, 0, "a record of 104857600 bytes, over"
                + " the 64 MiB a record may have, was skipped; reading resumed at byte 104857616"));
    }

    @Test
    void anOversizedHeaderRunningPastTheEndIsSearchedPastForTheNextRecord() throws IOException {
        Path file = Files.createDirectories(root.resolve("crafted")).resolve(CRAFTED.substring(8));
        byte[] ten = tenScalars(root.resolve("ten"));
        Files.write(file, header(1L << 29));
        Files.write(file, ten, StandardOpenOption.APPEND);

        Run run = new TensorBoardRunSource(file.getParent(), "crafted").refresh();

        assertThat(steps(run)).hasSize(10);
        assertThat(run.warnings()).containsExactly(ReadWarning.atByte(CRAFTED, 0, "a record of 536870912 bytes, over"
                + " the 64 MiB a record may have and running past the end of the file, starts here; reading resumed"
                + " at byte 12, the next record"));
    }

    /** A record header: the length and the masked CRC32C of its 8 bytes, so that only the length is wrong. */
    private static byte[] header(long length) {
        ByteBuffer header = ByteBuffer.allocate(TfRecordScanner.HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(length);
        header.putInt(MaskedCrc32c.masked(header.array(), 0, 8));
        return header.array();
    }

    /** The bytes of an event file with scalars at steps 1..10 (and its file_version record first). */
    private static byte[] tenScalars(Path scratch) throws IOException {
        try (EventFileWriter writer = new EventFileWriter(scratch)) {
            for (int step = 1; step <= 10; step++) {
                writer.scalar("train/loss", step, 1_700_000_000.0 + step, step / 10f);
            }
        }
        return Files.readAllBytes(scratch);
    }

    private static long[] steps(Run run) {
        ScalarSeries loss = run.scalars().get("train/loss");
        return loss == null ? new long[0] : loss.stepsCopy();
    }
}
