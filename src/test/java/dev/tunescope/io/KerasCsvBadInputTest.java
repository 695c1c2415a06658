package dev.tunescope.io;

import static dev.tunescope.io.CsvRuns.messages;
import static dev.tunescope.io.CsvRuns.steps;
import static dev.tunescope.io.CsvRuns.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keras logs with other separators, missing values, damage and growth. */
class KerasCsvBadInputTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @ParameterizedTest
    @ValueSource(strings = {",", "\t", ";"})
    void readsTheSeparatorOffTheHeader(String separator) throws IOException {
        String text = String.join(separator, "epoch", "loss", "val_loss") + "\r\n"
                + String.join(separator, "0", "0.7", "0.5") + "\r\n"
                + String.join(separator, "1", "0.4", "0.3") + "\r\n";
        Path file = write("history.tsv", text);
        assertThat(KerasCsvFormat.isKerasLog(file)).isTrue();
        Run run = new KerasCsvSource(file, "history.tsv").refresh();
        assertThat(steps(run, "loss")).containsExactly(0L, 1L);
        assertThat(values(run, "loss")).containsExactly(0.7, 0.4);
        assertThat(values(run, "val_loss")).containsExactly(0.5, 0.3);
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void recognisesKerasLogsByExtensionAndHeader() throws IOException {
        assertThat(KerasCsvFormat.isKerasLog(write("a.log", "epoch,loss\n0,1\n"))).isTrue();
        assertThat(KerasCsvFormat.isKerasLog(write("b.CSV", "\uFEFFepoch,loss\r\n"))).isTrue();
        assertThat(KerasCsvFormat.isKerasLog(write("c.txt", "epoch,loss\n0,1\n"))).as("extension").isFalse();
        assertThat(KerasCsvFormat.isKerasLog(write("d.csv", "epoch,step,loss\n0,0,1\n"))).as("Lightning").isFalse();
        assertThat(KerasCsvFormat.isKerasLog(write("e.csv", "loss,epoch\n1,0\n"))).as("epoch not first").isFalse();
        assertThat(KerasCsvFormat.isKerasLog(write("f.csv", "epochs,loss\n"))).isFalse();
        assertThat(KerasCsvFormat.isKerasLog(write("g.csv", ""))).isFalse();
        assertThat(KerasCsvFormat.isKerasLog(write("h.csv", "epoch|loss\n"))).as("unknown separator").isFalse();
        assertThat(KerasCsvFormat.isKerasLog(dir.resolve("absent.csv"))).isFalse();
    }

    @Test
    void naMeansNotLoggedAndRaisesNoWarning() throws IOException {
        Path file = write("training.log", "epoch,loss,val_loss\r\n0,0.7,NA\r\n1,0.4,0.3\r\n");
        Run run = new KerasCsvSource(file, "training.log").refresh();
        assertThat(steps(run, "val_loss")).containsExactly(1L);
        assertThat(steps(run, "loss")).containsExactly(0L, 1L);
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void nonFiniteValuesAreKeptAndJunkIsNamed() throws IOException {
        String before = "epoch,loss,val_loss\r\n0,nan,inf\r\n";
        Path file = write("training.log", before + "1,1e999,null\r\n2,-inf,NaN\r\n");
        Run run = new KerasCsvSource(file, "logs/training.log").refresh();
        assertThat(values(run, "loss")).containsExactly(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        assertThat(values(run, "val_loss")).containsExactly(Double.POSITIVE_INFINITY, Double.NaN);
        assertThat(steps(run, "val_loss")).containsExactly(0L, 2L);
        assertThat(run.warnings()).containsExactly(ReadWarning.atLine("logs/training.log", before.length(), 3,
                "column 'val_loss': 'null' is not a number; cell skipped"));
    }

    @Test
    void resumedTrainingWithARepeatedHeaderAndRestartedEpochs() throws IOException {
        String first = "epoch,loss\r\n0,0.9\r\n1,0.8\r\n2,0.7\r\n";
        Path file = write("training.log", first + "epoch;loss;val_loss\r\n1;0.75;0.6\r\n2;0.65;0.5\r\n");
        Run run = new KerasCsvSource(file, "training.log").refresh();
        assertThat(steps(run, "loss")).containsExactly(0L, 1L, 2L);
        assertThat(values(run, "loss")).containsExactly(0.9, 0.75, 0.65);
        assertThat(values(run, "val_loss")).containsExactly(0.6, 0.5);
        assertThat(run.warnings()).hasSize(2);
        assertThat(run.warnings().get(0)).isEqualTo(ReadWarning.atLine("training.log", first.length(), 5,
                "a header line in the middle of the file; columns are now [epoch, loss, val_loss]"));
        assertThat(run.warnings().get(1).message()).contains("'loss' went back to step 1", "2 earlier point(s)");
    }

    @Test
    void emptyFileAndHeaderOnlyFile() throws IOException {
        Path file = write("training.log", "");
        KerasCsvSource source = new KerasCsvSource(file, "training.log");
        Run empty = source.refresh();
        assertThat(empty.scalars()).isEmpty();
        assertThat(messages(empty)).containsExactly("the file is empty");

        Files.writeString(file, "epoch,loss\r\n");
        Run headerOnly = source.refresh();
        assertThat(headerOnly.scalars()).isEmpty();
        assertThat(headerOnly.warnings()).isEmpty();

        Files.writeString(file, "0,0.5\r\n1,0.4", StandardOpenOption.APPEND);
        Run growing = source.refresh();
        assertThat(steps(growing, "loss")).containsExactly(0L);
        Files.writeString(file, "\r\n", StandardOpenOption.APPEND);
        assertThat(values(source.refresh(), "loss")).containsExactly(0.5, 0.4);
    }

    @Test
    void invalidUtf8AndZeroTail() throws IOException {
        Path file = dir.resolve("training.log");
        byte[] head = "\uFEFFepoch,loss\r\n0,0.5\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'1', ',', '0', '.', '4', (byte) 0xFE, '\r', '\n'};
        byte[] good = "2,0.3\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + good.length + 100];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(good, 0, all, head.length + bad.length, good.length);
        Files.write(file, all);

        Run run = new KerasCsvSource(file, "training.log").refresh();
        assertThat(steps(run, "loss")).containsExactly(0L, 2L);
        assertThat(run.warnings()).extracting(ReadWarning::byteOffset)
                .containsExactly((long) head.length, (long) head.length, (long) all.length - 100);
        assertThat(messages(run).get(0)).contains("not valid UTF-8");
        assertThat(messages(run).get(1)).startsWith("column 'loss': '0.4\uFFFD' is not a number");
        assertThat(messages(run).get(2)).startsWith("the file ends in 100 zero byte(s)");
    }

    @Test
    void nameAndHyperparametersComeFromTheFileAndItsFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("lr_1.00e-01_warmup_40"));
        Path file = folder.resolve("history.csv");
        Files.writeString(file, "epoch,loss\n0,1\n");
        Run run = new KerasCsvSource(file, "lr_1.00e-01_warmup_40/history.csv").refresh();
        assertThat(run.name()).isEqualTo("history");
        assertThat(run.hyperparameters().number("lr")).contains(0.1);
        assertThat(run.hyperparameters().number("warmup")).contains(40.0);
        assertThat(run.hyperparameters().source()).isEqualTo(FolderNameHyperparameters.SOURCE);
    }
}
