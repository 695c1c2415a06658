package dev.tunescope.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.TunescopeRunInfo;
import dev.tunescope.io.TunescopeRunWriter;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import dev.tunescope.run.StudyKind;
import dev.tunescope.testing.EventFileWriter;
import dev.tunescope.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How an opened folder's runs become studies: by folder, split by set-up, kind declared or read off the design. */
class StudyDiscoveryTest {

    private static Map<String, Study> studies(Path root) throws IOException {
        return Workspace.open(root, DiagnosisSettings.DEFAULTS).ownStudies().stream()
                .collect(Collectors.toMap(Study::id, s -> s, (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void theFixturesTreeGivesOneStudyPerFolderOfCopiesNeverOnePooledSweep() throws Exception {
        Map<String, Study> studies = studies(Fixtures.root());
        assertThat(studies.keySet()).containsExactly("keras_csv", "lightning_csv/lightning_logs",
                "mlflow/mlruns/482193574619283746", "tb/mlp_lr_sweep", "tb/mlp_warmup");
        assertThat(studies.get("tb/mlp_lr_sweep").kind()).isEqualTo(StudyKind.LR_SWEEP);
        assertThat(studies.get("tb/mlp_lr_sweep").runs()).hasSize(7);
        assertThat(studies.get("tb/mlp_lr_sweep").name()).isEqualTo("mlp_lr_sweep");
        assertThat(studies.get("tb/mlp_warmup").kind()).isEqualTo(StudyKind.WARMUP);
        assertThat(studies.get("tb/mlp_warmup").kindReason()).isEqualTo("warmup varies: 40, 120 steps at lr 0.316");
        assertThat(studies.get("lightning_csv/lightning_logs").kind()).isEqualTo(StudyKind.LR_SWEEP);
        assertThat(studies.get("mlflow/mlruns/482193574619283746").runs()).hasSize(2);
        assertThat(studies.get("keras_csv").kind()).isEqualTo(StudyKind.RUNS);
        assertThat(studies.get("keras_csv").runs()).extracting(Run::path).containsExactly("keras_csv/training.log");
    }

    @Test
    void aStudyFileGivesTheKind(@TempDir Path root) throws Exception {
        Path study = Files.createDirectories(root.resolve("sweep"));
        Files.writeString(study.resolve("study.json"), "{\"kind\": \"clip\", \"plan\": {}}");
        tunescopeRun(study.resolve("lr_0.1"), Map.of("lr", "0.1"), 20);
        assertThat(studies(root).values()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(StudyKind.CLIPPING);
            assertThat(s.kindReason()).isEqualTo("study.json says clip");
        });
    }

    @Test
    void aStudyOpenedOnItsOwnBringsTheSweepItWasPlannedFromAsAReference(@TempDir Path root) throws Exception {
        Path sweep = Files.createDirectories(root.resolve("sweep"));
        Files.writeString(sweep.resolve("study.json"), "{\"kind\": \"lr-sweep\"}");
        tunescopeRun(sweep.resolve("lr_0.1"), Map.of("lr", "0.1"), 20);
        tunescopeRun(sweep.resolve("lr_1"), Map.of("lr", "1"), 20);
        Path warm = Files.createDirectories(root.resolve("warm"));
        Files.writeString(warm.resolve("study.json"), "{\"kind\": \"warmup\", \"from\": \"../sweep\"}");
        tunescopeRun(warm.resolve("w10"), Map.of("lr", "1", "warmup_steps", "10"), 20);

        Workspace alone = Workspace.open(warm, DiagnosisSettings.DEFAULTS);
        assertThat(alone.ownStudies()).singleElement().satisfies(s -> assertThat(s.basedOn()).contains("../sweep"));
        assertThat(alone.studies()).filteredOn(Study::outsideFolder).singleElement().satisfies(s -> {
            assertThat(s.path()).isEqualTo("../sweep");
            assertThat(s.kind()).isEqualTo(StudyKind.LR_SWEEP);
            assertThat(s.runs()).extracting(Run::path).containsExactly("../sweep/lr_0.1", "../sweep/lr_1");
        });
        assertThat(alone.diagnoses()).singleElement().satisfies(d -> assertThat(d.judgedAgainst()).contains("../sweep"));

        Workspace both = Workspace.open(root, DiagnosisSettings.DEFAULTS);
        assertThat(both.studies()).noneMatch(Study::outsideFolder);
        assertThat(both.diagnosis("warm").orElseThrow().judgedAgainst()).contains("sweep");
    }

    @Test
    void aFolderOfTwoModelsIsTwoStudies(@TempDir Path root) throws Exception {
        Path mixed = Files.createDirectories(root.resolve("runs"));
        for (String lr : List.of("0.01", "0.1", "1")) {
            tunescopeRun(mixed.resolve("mlp_" + lr), Map.of("lr", lr, "workload", "mlp"), 20);
            tunescopeRun(mixed.resolve("tf_" + lr), Map.of("lr", lr, "workload", "char-transformer-post-ln"), 20);
        }
        Map<String, Study> studies = studies(root);
        assertThat(studies.keySet()).containsExactly("runs [workload=char-transformer-post-ln]", "runs [workload=mlp]");
        assertThat(studies.values()).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(StudyKind.LR_SWEEP);
            assertThat(s.runs()).hasSize(3);
            assertThat(s.path()).isEqualTo("runs");
            assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("they differ in workload"));
        });
    }

    @Test
    void aGridOfWeightDecayAndLearningRateIsOneSweepPerWeightDecayButADropoutStudyStaysWhole(@TempDir Path root)
            throws Exception {
        Path grid = Files.createDirectories(root.resolve("grid"));
        for (String wd : List.of("0", "0.1")) {
            for (String lr : List.of("0.01", "0.1")) {
                tunescopeRun(grid.resolve("wd" + wd + "_lr" + lr), Map.of("lr", lr, "weight_decay", wd), 20);
            }
        }
        Path dropout = Files.createDirectories(root.resolve("dropout"));
        for (String p : List.of("0", "0.1", "0.2")) {
            tunescopeRun(dropout.resolve("p" + p), Map.of("lr", "0.01", "dropout", p), 20);
        }
        Map<String, Study> studies = studies(root);
        assertThat(studies.keySet()).containsExactly("dropout", "grid [weight_decay=0]", "grid [weight_decay=0.1]");
        assertThat(studies.get("dropout").kind()).isEqualTo(StudyKind.RUNS);
        assertThat(studies.get("grid [weight_decay=0.1]").kind()).isEqualTo(StudyKind.LR_SWEEP);
    }

    @Test
    void aPlainTensorBoardTreeGetsItsKindsFromWhatVaries(@TempDir Path root) throws Exception {
        for (String lr : List.of("1.00e-03", "1.00e-02", "1.00e-01")) {
            eventRun(root.resolve("sweep/lr_" + lr), 30);
        }
        for (String w : List.of("0", "10", "100")) {
            eventRun(root.resolve("warmup/lr_1.00e-01_warmup_" + w), 30);
        }
        for (String c : List.of("noclip", "clip_1.5", "clip_3")) {
            eventRun(root.resolve("clip/lr_1.00e-01_" + c), 30);
        }
        Map<String, Study> studies = studies(root);
        assertThat(studies.get("sweep").kind()).isEqualTo(StudyKind.LR_SWEEP);
        assertThat(studies.get("warmup").kind()).isEqualTo(StudyKind.WARMUP);
        assertThat(studies.get("clip").kind()).isEqualTo(StudyKind.CLIPPING);
        assertThat(studies.get("clip").kindReason()).isEqualTo("the clipping threshold varies: 1.5, 3, none at lr 0.1");
    }

    @Test
    void aSweepWithWarmupTrialsBesideItIsASweepAndAWarmupStudyThatRefersToIt(@TempDir Path root) throws Exception {
        for (String lr : List.of("1.00e-03", "1.00e-02", "1.00e-01")) {
            eventRun(root.resolve("all/lr_" + lr), 30);
        }
        eventRun(root.resolve("all/lr_1.00e-01_warmup_10"), 30);
        eventRun(root.resolve("all/lr_1.00e-01_warmup_100"), 30);
        Map<String, Study> studies = studies(root);
        assertThat(studies.keySet()).containsExactly("all (sweep)", "all");
        assertThat(studies.get("all (sweep)").runs()).hasSize(3);
        assertThat(studies.get("all").kind()).isEqualTo(StudyKind.WARMUP);
        assertThat(studies.get("all").runs()).hasSize(2);
        assertThat(studies.get("all").basedOn()).contains("all (sweep)");
    }

    @Test
    void oneRunInTwoFormatsIsOneTrial(@TempDir Path root) throws Exception {
        Path run = root.resolve("sweep/lr_0.1");
        tunescopeRun(run, Map.of("lr", "0.1"), 30);
        eventRun(run, 30);
        tunescopeRun(root.resolve("sweep/lr_0.01"), Map.of("lr", "0.01"), 30);
        Study sweep = studies(root).get("sweep");
        assertThat(sweep.runs()).extracting(Run::path).containsExactly("sweep/lr_0.01", "sweep/lr_0.1");
        assertThat(sweep.notes()).singleElement().satisfies(n -> assertThat(n)
                .startsWith("sweep/lr_0.1 holds one run in 2 formats (tunescope-jsonl, tensorboard)"));
    }

    static void tunescopeRun(Path dir, Map<String, String> hparams, int steps) throws IOException {
        try (TunescopeRunWriter writer = TunescopeRunWriter.create(dir, TunescopeRunInfo.started(
                dir.getFileName().toString(), Instant.now(), "cpu", Hyperparameters.parsed(hparams, "run.json"),
                Map.of()))) {
            for (int s = 1; s <= steps; s++) {
                writer.metrics(s, Map.of("train/loss", 2.0 / s));
            }
        }
    }

    /** A TensorBoard run whose hyperparameters only its folder name gives (lr_0.1_warmup_10). */
    static void eventRun(Path dir, int steps) throws IOException {
        Files.createDirectories(dir);
        try (EventFileWriter writer = new EventFileWriter(dir.resolve("events.out.tfevents.1.host"))) {
            for (int s = 1; s <= steps; s++) {
                writer.scalar("train/loss", s, 1.7e9 + s, (float) (2.0 / s));
            }
        }
    }
}
