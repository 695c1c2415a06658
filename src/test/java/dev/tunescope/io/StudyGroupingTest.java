package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import dev.tunescope.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyGroupingTest {

    @Test
    void runsSideBySideFormAStudy() throws Exception {
        Path root = Fixtures.root();
        Map<String, Study> studies = StudyGrouping.group(root, RunLoader.loadAll(root)).stream()
                .collect(Collectors.toMap(Study::path, s -> s));
        assertThat(studies.get("tb/mlp_lr_sweep").runs()).hasSize(7);
        assertThat(studies.get("tb/mlp_lr_sweep").name()).isEqualTo("mlp_lr_sweep");
        assertThat(studies.get("tb/mlp_warmup").runs()).hasSize(2);
        assertThat(studies.get("lightning_csv/lightning_logs").runs()).hasSize(2);
        assertThat(studies.get("mlflow/mlruns/482193574619283746").runs()).hasSize(2);
        assertThat(studies.get("keras_csv").runs()).extracting(Run::path).containsExactly("keras_csv/training.log");
        assertThat(studies.values()).allSatisfy(s -> assertThat(s.kind()).isEmpty());
    }

    @Test
    void aStudyFileGivesTheKind(@TempDir Path root) throws Exception {
        Path study = Files.createDirectories(root.resolve("sweep"));
        Files.writeString(study.resolve("study.json"), "{\"kind\": \"lr-sweep\", \"plan\": {}}");
        try (TunescopeRunWriter writer = TunescopeRunWriter.create(study.resolve("lr_0.1"),
                TunescopeRunInfo.started("lr_0.1", java.time.Instant.now(), "cpu",
                        dev.tunescope.run.Hyperparameters.parsed(Map.of("lr", "0.1"), "run.json"), Map.of()))) {
            writer.metrics(1, Map.of("train/loss", 1.0));
        }
        List<Study> studies = StudyGrouping.group(root, RunLoader.loadAll(root));
        assertThat(studies).singleElement().satisfies(s -> {
            assertThat(s.kind()).contains("lr-sweep");
            assertThat(s.runs()).extracting(Run::name).containsExactly("lr_0.1");
        });
    }

    @Test
    void aStudyOpenedOnItsOwnBringsTheSweepItWasPlannedFrom(@TempDir Path root) throws Exception {
        Path sweep = Files.createDirectories(root.resolve("sweep"));
        Files.writeString(sweep.resolve("study.json"), "{\"kind\": \"lr-sweep\"}");
        writeRun(sweep.resolve("lr_0.1"), "lr_0.1");
        Path warm = Files.createDirectories(root.resolve("warm"));
        Files.writeString(warm.resolve("study.json"), "{\"kind\": \"warmup\", \"from\": \"../sweep\"}");
        writeRun(warm.resolve("w10"), "w10");

        List<Study> alone = StudyGrouping.group(warm, RunLoader.loadAll(warm));
        assertThat(alone).singleElement().satisfies(s -> assertThat(s.basedOn()).contains("../sweep"));
        List<Study> withSweep = StudyGrouping.withReferencedSweeps(warm, alone);
        assertThat(withSweep).extracting(Study::path).containsExactly(".", "../sweep");
        assertThat(withSweep.get(1).kind()).contains("lr-sweep");
        assertThat(withSweep.get(1).runs()).extracting(Run::path).containsExactly("../sweep/lr_0.1");

        List<Study> fromRoot = StudyGrouping.group(root, RunLoader.loadAll(root));
        assertThat(fromRoot).filteredOn(s -> s.path().equals("warm")).singleElement()
                .satisfies(s -> assertThat(s.basedOn()).contains("sweep"));
        assertThat(StudyGrouping.withReferencedSweeps(root, fromRoot)).hasSameSizeAs(fromRoot);
    }

    private static void writeRun(Path dir, String name) throws Exception {
        try (TunescopeRunWriter writer = TunescopeRunWriter.create(dir, TunescopeRunInfo.started(name,
                java.time.Instant.now(), "cpu", dev.tunescope.run.Hyperparameters.parsed(Map.of("lr", "0.1"),
                        "run.json"), Map.of()))) {
            writer.metrics(1, Map.of("train/loss", 1.0));
        }
    }
}
