package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.SmallTmpfs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train}, {@code study} and {@code export} on a real full disk, a 64 KiB tmpfs: one line naming the file
 * and exit 1, the run marked failed with the reason, the logs ending with a whole line, an earlier export intact.
 * Skipped where mounting is not allowed; {@code AtomicFilesTest} and {@code TunescopeRunWriterFaultTest} cover
 * the same with an injected full disk everywhere.
 */
class FullDiskTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static void assertOneLineNamingAFileOf(InspectCommandTest.Result result, String command, Path folder) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.ERROR);
        assertThat(result.err().lines()).as(result.err()).hasSize(1);
        assertThat(result.err()).startsWith("tunescope " + command + ": could not write " + folder)
                .contains("No space left on device").doesNotContain("Exception", "\tat ");
    }

    private static void assertFailedWithAWholeLastLine(Path runDir) throws Exception {
        JsonNode runJson = JSON.readTree(runDir.resolve("run.json").toFile());
        assertThat(runJson.get("status").asText()).isEqualTo("failed");
        assertThat(runJson.at("/workload/reason").asText()).contains("No space left on device");
        assertThat(Files.readString(runDir.resolve("metrics.jsonl"))).endsWith("\n");
    }

    @Test
    void trainOnAFullDisk() throws Exception {
        try (SmallTmpfs tmpfs = SmallTmpfs.mount(dir.resolve("small"), "64k")) {
            Path run = tmpfs.root().resolve("run");
            InspectCommandTest.Result result = execute("train", "--lr", "0.05", "--steps", "1000000",
                    "--histogram-every", "5", "--out", run.toString());

            assertOneLineNamingAFileOf(result, "train", run);
            assertFailedWithAWholeLastLine(run);
        }
    }

    @Test
    void studyOnAFullDisk() throws Exception {
        try (SmallTmpfs tmpfs = SmallTmpfs.mount(dir.resolve("small"), "64k")) {
            Path study = tmpfs.root().resolve("sweep");
            InspectCommandTest.Result result = execute("study", "lr-sweep", "--lr-min", "0.01", "--lr-max", "0.1",
                    "--count", "2", "--steps", "1000000", "--histogram-every", "5", "--out", study.toString());

            assertOneLineNamingAFileOf(result, "study", study);
            assertFailedWithAWholeLastLine(study.resolve("lr_1.00e-02"));
        }
    }

    @Test
    void exportOnAFullDiskKeepsTheEarlierReport() throws Exception {
        try (SmallTmpfs tmpfs = SmallTmpfs.mount(dir.resolve("small"), "64k")) {
            Path report = tmpfs.root().resolve("report.html");
            Files.writeString(report, "<html>the earlier report</html>\n");
            tmpfs.fill("filler");

            InspectCommandTest.Result result = execute("export", Fixtures.resolve("tb/mlp_lr_sweep").toString(),
                    "--out", report.toString());

            assertOneLineNamingAFileOf(result, "export", report);
            assertThat(report).hasContent("<html>the earlier report</html>");
            try (var files = Files.list(tmpfs.root())) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("filler",
                        "report.html");
            }
        }
    }
}
