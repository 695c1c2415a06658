package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailedFileTest {
    @TempDir
    Path dir;

    @Test
    void aRestartIsAnnouncedBeforeTheFirstLineOfTheNewContent() throws IOException {
        Path file = dir.resolve("f");
        Files.writeString(file, "a\nb\n");
        TailedFile tail = new TailedFile(file, "f");
        List<String> events = new ArrayList<>();
        tail.poll(() -> events.add("restart"), line -> events.add(line.text()), w -> events.add("warning"));
        Files.writeString(file, "c\n");
        tail.poll(() -> events.add("restart"), line -> events.add(line.text()), w -> events.add("warning"));
        Files.writeString(file, "");
        tail.poll(() -> events.add("restart"), line -> events.add(line.text()), w -> events.add("warning"));
        assertThat(events).containsExactly("a", "b", "restart", "c", "restart");
    }

    @Test
    void aMissingFileIsNotAWarning() {
        List<ReadWarning> warnings = new ArrayList<>();
        TailedFile tail = new TailedFile(dir.resolve("none"), "none");
        assertThat(tail.poll(() -> { }, line -> { }, warnings::add)).contains(LineTail.Outcome.MISSING);
        assertThat(tail.unfinishedLine()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void aFolderWhereAFileShouldBeIsAWarningNotAnException() throws IOException {
        Files.createDirectories(dir.resolve("metrics.jsonl"));
        List<ReadWarning> warnings = new ArrayList<>();
        assertThat(new TailedFile(dir.resolve("metrics.jsonl"), "r/metrics.jsonl").poll(() -> { }, line -> { },
                warnings::add)).isEmpty();
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.file()).isEqualTo("r/metrics.jsonl");
            assertThat(w.message()).isEqualTo("is a folder, not a regular file, so it was not read");
        });
    }

    @Test
    void aReaderFailingOnOneLineCostsThatLineOnly() throws IOException {
        Path file = dir.resolve("f");
        Files.writeString(file, "1\nboom\n3\n");
        SeriesCollector collector = new SeriesCollector();
        List<String> read = new ArrayList<>();
        new TailedFile(file, "f").poll(() -> { }, TailedFile.guarded("f", line -> {
            if (line.text().equals("boom")) {
                throw new IllegalStateException("bug");
            }
            read.add(line.text());
        }, collector), w -> { });
        assertThat(read).containsExactly("1", "3");
        assertThat(collector.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.byteOffset()).isEqualTo(2);
            assertThat(w.message()).isEqualTo("could not be read because of an unexpected error in the reader (bug);"
                    + " the line was skipped");
        });
    }
}
