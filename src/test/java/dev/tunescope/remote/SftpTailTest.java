package dev.tunescope.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.io.TensorBoardRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.testing.EventFileWriter;
import dev.tunescope.testing.LoopbackSftp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live run followed over SFTP: a refresh reads only the bytes appended since the last one, a record cut in half
 * waits for its second half, and no point is lost or read twice.
 */
class SftpTailTest {
    @TempDir
    Path dir;

    @Test
    void aRefreshMovesOnlyTheAppendedBytesAndNeverAHalfRecord() throws Exception {
        // the whole file written once, then served in three growing prefixes
        Path whole = dir.resolve("whole.tfevents");
        try (EventFileWriter writer = new EventFileWriter(whole)) {
            for (int step = 1; step <= 3000; step++) {
                writer.scalar("train/loss", step, 1.7e9 + step, (float) (5.0 / step));
            }
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path run = Files.createDirectories(dir.resolve("served/run"));
        Path file = run.resolve("events.out.tfevents.1700000000.host");
        int first = bytes.length / 3;
        int cut = 2 * bytes.length / 3 + 5; // inside a record: its tail arrives with the last append
        Files.write(file, Arrays.copyOfRange(bytes, 0, first));

        try (LoopbackSftp sftp = new LoopbackSftp(dir.resolve("served"))) {
            TensorBoardRunSource source = new TensorBoardRunSource(sftp.path("run"), "run");
            long stepsAtFirst = lastStep(source.refresh());
            long sentAtFirst = sftp.bytesSent();

            Files.write(file, Arrays.copyOfRange(bytes, first, cut), StandardOpenOption.APPEND);
            Run middle = source.refresh();
            long sentForSecond = sftp.bytesSent() - sentAtFirst;

            Files.write(file, Arrays.copyOfRange(bytes, cut, bytes.length), StandardOpenOption.APPEND);
            Run last = source.refresh();
            long sentForThird = sftp.bytesSent() - sentAtFirst - sentForSecond;

            // Beside the appended bytes, a refresh reads the file's first 64 bytes once (its identity, so that a
            // replaced file is noticed) and the start of the record the last refresh found cut.
            int identity = 64;
            int record = bytes.length / 3001 + 1; // the header event is shorter than a scalar event
            assertThat(sentAtFirst).isBetween((long) first, (long) first + identity);
            assertThat(sentForSecond).isBetween((long) (cut - first), (long) (cut - first) + identity + record);
            assertThat(sentForThird).isBetween((long) (bytes.length - cut),
                    (long) (bytes.length - cut) + identity + record);
            assertThat(lastStep(middle)).isGreaterThan(stepsAtFirst);
            long[] steps = last.scalars().get("train/loss").stepsCopy();
            assertThat(steps).hasSize(3000);
            assertThat(steps[0]).isEqualTo(1);
            assertThat(steps[2999]).isEqualTo(3000);
            assertThat(last.warnings()).isEmpty();
        }
    }

    private static long lastStep(Run run) {
        long[] steps = run.scalars().get("train/loss").stepsCopy();
        return steps[steps.length - 1];
    }
}
