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
}
