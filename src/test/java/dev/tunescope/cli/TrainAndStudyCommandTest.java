package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.train.CommandTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} and {@code study} end to end, training the MLP on the CPU for a few dozen steps. */
class TrainAndStudyCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainWritesARunAndSummarisesItAsJson() throws Exception {
        Path out = dir.resolve("one");
        InspectCommandTest.Result result = execute("train", "--lr", "0.05", "--steps", "30", "--eval-every", "10",
                "--out", out.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(result.out());
        assertThat(summary.get("status").asText()).isEqualTo("finished");
        assertThat(summary.get("steps").asInt()).isEqualTo(30);
        assertThat(Files.readString(out.resolve("run.json"))).contains("\"lr\"", "0.05");
        assertThat(execute("train", "--lr", "0.05", "--out", out.toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void trainSaysWhereItsRunIsAndHowItEnded() throws Exception {
        Path out = dir.resolve("said");
        InspectCommandTest.Result result = execute("train", "--lr", "0.05", "--steps", "30", "--eval-every", "10",
                "--out", out.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        String lastEval = Files.readAllLines(out.resolve("metrics.jsonl")).getLast()
                .replaceAll(".*\"eval/loss\":([-0-9.eE]+).*", "$1");
        assertThat(result.out().lines().toList().getLast()).isEqualTo("Run written to "
                + out.toAbsolutePath().normalize() + ": finished after 30 steps, final eval loss "
                + String.format(java.util.Locale.ROOT, "%.6g", Double.parseDouble(lastEval)));
    }

    @Test
    void aCommandThatLogsOnlyIntoOutReportsTheStepsItLogged() throws Exception {
        Path out = dir.resolve("own-logs");
        String[] args = {"study", "lr-sweep", "--lr-min", "0.01", "--lr-max", "0.1", "--count", "2", "--steps", "4",
                "--out", out.toString(), "--json", "--command", UsersTrainer.install(dir)};
        for (boolean again : new boolean[] {false, true}) {
            InspectCommandTest.Result result = execute(args);
            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode trials = new ObjectMapper().readTree(result.out()).get("trials");
            assertThat(trials).hasSize(2).allSatisfy(t -> {
                assertThat(t.get("steps").asLong()).isEqualTo(4);
                assertThat(t.get("done_before").asBoolean()).isEqualTo(again);
            });
        }
    }

    @Test
    void anLrSweepStudyIsDiagnosable() throws Exception {
        Path out = dir.resolve("sweep");
        InspectCommandTest.Result result = execute("study", "lr-sweep", "--lr-min", "0.003", "--lr-max", "0.3",
                "--count", "3", "--steps", "40", "--out", out.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(result.out());
        assertThat(summary.get("trials")).hasSize(3);
        JsonNode diagnosis = new ObjectMapper().readTree(execute("diagnose", out.toString(), "--json").out())
                .at("/studies/0");
        assertThat(diagnosis.at("/lr_star/learning_rates_tried").asInt()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("study.json"))).contains("lr-sweep");
    }

    @Test
    void aProbePlannedFromTheFixturesSweepRunsAtTwiceLrStar() throws Exception {
        Path out = dir.resolve("probe");
        InspectCommandTest.Result result = execute("study", "instability-probe", "--from",
                Fixtures.resolve("tb/mlp_lr_sweep").toString(), "--workload", "mlp", "--probe-steps", "30", "--out",
                out.toString(), "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode trial = new ObjectMapper().readTree(result.out()).get("trials").get(0);
        assertThat(trial.get("name").asText()).isEqualTo("probe_lr_2.00e-01");
    }

    @Test
    void aStudyCanRunTheUsersOwnCommand() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")),
                "needs python3");
        Path out = dir.resolve("own");
        InspectCommandTest.Result result = execute("study", "lr-sweep", "--lr-min", "0.01", "--lr-max", "0.1",
                "--count", "2", "--steps", "30", "--out", out.toString(), "--json", "--command",
                "/usr/bin/python3 examples/train_example.py --lr {lr} --warmup {warmup_steps} --clip {clip}"
                        + " --bs {batch_size} --steps {steps} --out {out}");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode trials = new ObjectMapper().readTree(result.out()).get("trials");
        assertThat(trials).hasSize(2).allSatisfy(t -> assertThat(t.get("status").asText()).isEqualTo("finished"));
        assertThat(Files.readString(out.resolve("lr_1.00e-02/stdout.log"))).contains("\"step\"");
        JsonNode diagnosis = new ObjectMapper().readTree(execute("diagnose", out.toString(), "--json").out())
                .at("/studies/0");
        assertThat(diagnosis.at("/lr_star/learning_rates_tried").asInt()).isEqualTo(2);
    }

    @Test
    void studiesThatNeedASweepSaySo() {
        InspectCommandTest.Result result = execute("study", "warmup", "--out", dir.resolve("w").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("add --from SWEEP_DIR");
        assertThat(execute("study", "nonsense", "--out", dir.toString()).err()).contains("unknown kind 'nonsense'");
    }

    @Test
    void aStudyFromASweepTrainsAsTheSweepDidAndAFlagOverridesOneField() throws Exception {
        InspectCommandTest.Result result = execute("study", "warmup", "--from", "sample-runs/post-ln-lr-sweep",
                "--out", dir.resolve("w").toString(), "--plan", "--json", "--batch-size", "16");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(result.out());
        // the sample sweep is the Post-LN Transformer trained with Adam at batch 32 for 300 steps, eval every 10
        assertThat(plan.at("/workload/name").asText()).isEqualTo("char-transformer-post-ln");
        assertThat(plan.at("/optimizer/name").asText()).isEqualTo("adam");
        assertThat(plan.at("/optimizer/beta2").asDouble()).isEqualTo(0.999);
        assertThat(plan.at("/steps").asLong()).isEqualTo(300);
        assertThat(plan.at("/eval_every").asInt()).isEqualTo(10);
        assertThat(plan.at("/batch_size").asInt()).isEqualTo(16); // given on the command line
        assertThat(plan.at("/inherited_from").asText()).isEqualTo("sample-runs/post-ln-lr-sweep");
        assertThat(plan.get("trials")).isNotEmpty().allSatisfy(t -> assertThat(t.at("/settings/warmup_steps")
                .asLong()).isPositive());
        assertThat(Files.exists(dir.resolve("w"))).as("--plan runs nothing").isFalse();
    }

    @Test
    void aForeignSweepThatDoesNotRecordItsWorkloadIsNotSilentlyGivenOne() {
        InspectCommandTest.Result result = execute("study", "instability-probe", "--from",
                Fixtures.resolve("tb/mlp_lr_sweep").toString(), "--out", dir.resolve("p").toString(), "--plan");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("does not record which workload").contains("--workload NAME");
    }

    @Test
    void aPlanInTextSaysWhatWasInheritedAndWhatWasNotRecorded() {
        InspectCommandTest.Result result = execute("study", "instability-probe", "--from",
                Fixtures.resolve("tb/mlp_lr_sweep").toString(), "--workload", "mlp", "--out",
                dir.resolve("p").toString(), "--plan");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Set-up from ").contains("batch size 64")
                .contains("not recorded there, so the defaults: optimizer sgd").contains("probe_lr_2.00e-01");
    }

    @Test
    void anExportedConfigTrainsWhatItRecommendsAndAFlagOverridesOneField() throws Exception {
        Path config = dir.resolve("config.yaml");
        assertThat(execute("export", "sample-runs", "--study", "post-ln-lr-sweep", "--out", config.toString())
                .exitCode()).isZero();
        assertThat(Files.readString(config)).contains("schema_version: 4").contains("eval_every: 10");
        Path run = dir.resolve("from-config");
        InspectCommandTest.Result result = execute("train", "--config", config.toString(), "--steps", "12",
                "--eval-every", "6", "--out", run.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("From " + config + ": lr 0.00316").contains("workload char-transformer-post-ln");
        JsonNode hparams = new ObjectMapper().readTree(Files.readString(run.resolve("run.json"))).get("hparams");
        assertThat(hparams.get("lr").asDouble()).isEqualTo(0.00316);
        assertThat(hparams.get("optimizer").asText()).isEqualTo("adam");
        assertThat(hparams.get("batch_size").asInt()).isEqualTo(128); // the batch probe's answer in the config
        assertThat(hparams.get("max_train_steps").asLong()).isEqualTo(12); // the flag, not the config's 600
        assertThat(hparams.get("clip").asDouble()).isCloseTo(1.3053, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(new ObjectMapper().readTree(Files.readString(run.resolve("run.json"))).at("/workload/name")
                .asText()).isEqualTo("char-transformer-post-ln");
    }

    @Test
    void aConfigFromRunsOfTheUsersCommandCarriesTheCommandAndAStudyRunsIt() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")),
                "needs python3");
        Path sweep = dir.resolve("own-sweep");
        String template = "/usr/bin/python3 examples/train_example.py --lr {lr} --warmup {warmup_steps} --clip {clip}"
                + " --bs {batch_size} --steps {steps} --out {out}";
        assertThat(execute("study", "lr-sweep", "--lr-min", "0.01", "--lr-max", "0.1", "--count", "2", "--steps", "20",
                "--out", sweep.toString(), "--json", "--command", template).exitCode()).isZero();
        Path config = dir.resolve("own.json");
        assertThat(execute("export", sweep.toString(), "--out", config.toString()).exitCode()).isZero();
        JsonNode exported = new ObjectMapper().readTree(Files.readString(config));
        assertThat(exported.get("schema_version").asInt()).isEqualTo(4);
        List<String> command = new ArrayList<>();
        exported.get("command").forEach(a -> command.add(a.asText()));
        assertThat(command).isEqualTo(CommandTemplate.parse(template).arguments());

        JsonNode plan = new ObjectMapper().readTree(execute("study", "lr-sweep", "--config", config.toString(),
                "--lr-min", "0.01", "--lr-max", "0.1", "--count", "2", "--out", dir.resolve("again").toString(),
                "--plan", "--json").out());
        assertThat(plan.at("/workload/command/0").asText()).isEqualTo("/usr/bin/python3");
        InspectCommandTest.Result train = execute("train", "--config", config.toString(), "--out",
                dir.resolve("t").toString());
        assertThat(train.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(train.err()).contains("runs of your own command (/usr/bin/python3 examples/train_example.py")
                .contains("tunescope verify");
    }

    @Test
    void aConfigFromANewerSchemaOrOfAForeignModelIsRefusedInOneLine() throws Exception {
        Path newer = dir.resolve("newer.json");
        Files.writeString(newer, "{\"schema_version\": 99, \"learning_rate\": {\"base\": 0.01}}");
        InspectCommandTest.Result refused = execute("train", "--config", newer.toString(), "--out",
                dir.resolve("r").toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("newer Tunescope (config schema 99)");
        Path foreign = dir.resolve("foreign.yaml");
        // schema 2 (no logging cadence) still reads; its model decides
        Files.writeString(foreign, "schema_version: 2\nlearning_rate:\n  base: 0.01\nmodel:\n  name: resnet50\n");
        InspectCommandTest.Result model = execute("train", "--config", foreign.toString(), "--out",
                dir.resolve("f").toString());
        assertThat(model.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(model.err()).contains("'resnet50' is not a built-in workload");
    }

    @Test
    void aStudyTakesItsSetUpFromAConfigAndTheConfigWinsOverTheSweep() throws Exception {
        Path config = dir.resolve("config.yaml");
        assertThat(execute("export", "sample-runs", "--study", "post-ln-lr-sweep", "--out", config.toString())
                .exitCode()).isZero();
        InspectCommandTest.Result result = execute("study", "warmup", "--from", "sample-runs/post-ln-lr-sweep",
                "--config", config.toString(), "--out", dir.resolve("w").toString(), "--plan", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(result.out());
        assertThat(plan.at("/workload/name").asText()).isEqualTo("char-transformer-post-ln");
        assertThat(plan.at("/batch_size").asInt()).isEqualTo(128); // the config's, not the sweep's 32
        assertThat(plan.at("/eval_every").asInt()).isEqualTo(10); // the config's (the lr* run evaluated every 10)
    }

    @Test
    void verifyTrainsTheRecommendedConfigBesideLrStarWithTheSameSeedsAndWritesTheAnswer() throws Exception {
        Path sweep = dir.resolve("post-ln-lr-sweep");
        try (var files = Files.walk(Path.of("sample-runs/post-ln-lr-sweep"))) {
            for (Path from : files.toList()) {
                Files.copy(from, sweep.resolve(Path.of("sample-runs/post-ln-lr-sweep").relativize(from).toString()));
            }
        }
        Path out = dir.resolve("post-ln-lr-sweep-verify"); // the default: beside the sweep
        InspectCommandTest.Result result = execute("verify", sweep.toString(), "--seeds", "2",
                "--steps", "16", "--eval-every", "8", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode answer = new ObjectMapper().readTree(Files.readString(out.resolve("verification.json")));
        assertThat(answer.at("/recommended/best_eval_losses")).hasSize(2);
        assertThat(answer.at("/constant_lr/best_eval_losses")).hasSize(2);
        assertThat(answer.get("outcome").asText()).isIn("better", "worse", "no difference");
        assertThat(answer.get("sentence").asText()).startsWith("recommended config ").contains("(2 seeds)");
        JsonNode printed = new ObjectMapper().readTree(result.out());
        assertThat(printed.get("outcome")).isEqualTo(answer.get("outcome"));
        // the arms differ only in what the config recommends: lr*, no warmup and no clip for the constant arm
        JsonNode constant = new ObjectMapper().readTree(Files.readString(out.resolve("constant_lr_seed_1/run.json")))
                .get("hparams");
        JsonNode recommended = new ObjectMapper().readTree(Files.readString(out.resolve("recommended_seed_2/run.json")))
                .get("hparams");
        assertThat(constant.get("lr").asDouble()).isEqualTo(0.00316);
        assertThat(constant.has("clip")).isFalse();
        assertThat(recommended.get("clip").asDouble()).isPositive();
        assertThat(recommended.get("seed").asLong()).isEqualTo(2);
        assertThat(constant.get("batch_size")).isEqualTo(recommended.get("batch_size"));
        // opened later, the folder is a verification study with its answer, not a clipping study
        String diagnosis = execute("diagnose", out.toString()).out();
        assertThat(diagnosis).contains("verify, 4 trials").contains("Verification: recommended config ")
                .doesNotContain("[clipping]");
        // and beside the sweep it verifies, the sweep's findings carry its answer
        assertThat(execute("diagnose", dir.toString()).out())
                .contains("The verify study post-ln-lr-sweep-verify refers to this sweep: recommended config ");
    }

    @Test
    void seedsRunEachTrialOncePerSeed() throws Exception {
        InspectCommandTest.Result result = execute("study", "lr-sweep", "--lr-min", "0.01", "--lr-max", "0.1",
                "--count", "2", "--seeds", "3", "--out", dir.resolve("s").toString(), "--plan", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode plan = new ObjectMapper().readTree(result.out());
        assertThat(plan.get("trials")).hasSize(6);
        assertThat(plan.get("seeds").toString()).isEqualTo("[1,2,3]");
        assertThat(plan.at("/trials/5/name").asText()).isEqualTo("lr_1.00e-01_seed_3");
    }
}
