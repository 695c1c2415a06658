package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunescope.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code diagnose} on the real runs of the fixtures, against the truths their README states. */
class DiagnoseCommandTest {
    private static JsonNode sweep;
    private static JsonNode truth;

    @BeforeAll
    static void diagnoseTheSweep() throws Exception {
        InspectCommandTest.Result result = execute("diagnose", Fixtures.resolve("tb/mlp_lr_sweep").toString(), "--json");
        assertThat(result.exitCode()).isZero();
        JsonNode studies = new ObjectMapper().readTree(result.out()).get("studies");
        assertThat(studies).hasSize(1);
        sweep = studies.get(0);
        truth = Fixtures.truth().get("diagnosis");
    }

    @Test
    void lrStarIsTheInteriorBestLearningRate() {
        assertThat(sweep.at("/lr_star/value").asDouble()).isEqualTo(truth.get("lr_star").asDouble());
        assertThat("tb/mlp_lr_sweep/" + sweep.at("/lr_star/run").asText()).isEqualTo(truth.get("lr_star_run").asText());
        assertThat(sweep.at("/lr_star/boundary").asText()).isEqualTo("interior");
        assertThat(truth.get("lr_star_interior").asBoolean()).isTrue();
        assertThat(sweep.at("/lr_star/best").asDouble()).isEqualTo(truth.get("lr_star_best_eval_loss").asDouble());
        assertThat(sweep.at("/lr_star/step").asLong()).isEqualTo(truth.get("lr_star_best_eval_step").asLong());
        List<Double> ranking = new ArrayList<>();
        sweep.at("/lr_star/ranking").forEach(r -> ranking.add(r.get("lr").asDouble()));
        List<Double> expected = new ArrayList<>();
        truth.get("ranking_by_best_eval").forEach(v -> expected.add(v.asDouble()));
        assertThat(ranking).isEqualTo(expected);
    }

    @Test
    void theDivergedLearningRatesAreUnstable() {
        List<Double> unstable = new ArrayList<>();
        sweep.get("unstable").forEach(u -> unstable.add(u.get("lr").asDouble()));
        List<Double> expected = new ArrayList<>();
        truth.get("unstable_lrs").forEach(v -> expected.add(v.asDouble()));
        assertThat(unstable).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sweep.get("unstable_base_lr").asDouble()).isEqualTo(truth.get("smallest_unstable_lr").asDouble());
        for (JsonNode u : sweep.get("unstable")) {
            // the onset, where the loss left its best for good, comes before the first non-finite train loss
            JsonNode trial = truthTrial(u.get("lr").asDouble());
            assertThat(u.get("onset_step").asLong()).isGreaterThan(1).isLessThan(
                    trial.get("first_nonfinite_train_loss_step").asLong());
            assertThat(u.get("kind").asText()).isEqualTo("divergence");
        }
    }

    @Test
    void clippingIsTheP90OfTheLrStarRunsGradientNorms() {
        assertThat(sweep.at("/clipping/percentile").asDouble()).isEqualTo(90);
        assertThat(sweep.at("/clipping/threshold").asDouble()).isCloseTo(
                truth.get("p90_grad_norm_lr_star").asDouble(), within(1e-6));
        assertThat(sweep.at("/clipping/clipped_fraction").asDouble())
                .isEqualTo(truth.get("fraction_steps_above_p90").asDouble());
        assertThat(sweep.at("/clipping/clipped").asInt()).isEqualTo(truth.get("grad_norm_steps_above_p90").asInt());
    }

    @Test
    void withoutAWarmupStudyTheStudyToRunIsProposed() {
        assertThat(sweep.at("/warmup/proposed_study/base_lr").asDouble()).isCloseTo(3.16, within(1e-12));
        assertThat(sweep.at("/warmup/proposed_study/max_train_steps").asLong()).isEqualTo(400);
    }

    @Test
    void everyFindingNamesRunsOfTheSweep() {
        assertThat(sweep.get("findings")).isNotEmpty();
        for (JsonNode f : sweep.get("findings")) {
            assertThat(f.get("rule").asText()).isNotBlank();
            assertThat(f.get("severity").asText()).isIn("info", "advice", "warning");
            f.at("/evidence/runs").forEach(run -> assertThat(run.asText()).startsWith("lr_"));
            f.at("/evidence/marks").forEach(m -> assertThat(m.get("run").asText()).startsWith("lr_"));
        }
    }

    @Test
    void theWarmupStudyDidNotRescueTheUnstableRate() throws Exception {
        InspectCommandTest.Result result = execute("diagnose", Fixtures.resolve("tb/mlp_warmup").toString(), "--json");
        JsonNode study = new ObjectMapper().readTree(result.out()).get("studies").get(0);
        assertThat(study.get("kind").asText()).isEqualTo("warmup");
        JsonNode rate = study.at("/warmup/by_lr/0");
        assertThat(rate.get("lr").asDouble()).isEqualTo(0.316); // as the hparams plugin recorded it, not 0.316000014
        assertThat(rate.get("tried")).extracting(JsonNode::asLong).containsExactly(40L, 120L);
        assertThat(rate.get("stable")).extracting(JsonNode::asBoolean).containsExactly(false, false);
        assertThat(rate.get("shortest_stable").isNull()).isTrue();
        assertThat(rate.get("outcome").asText()).isEqualTo("not-rescued");
        assertThat(truth.get("warmup_rescued_any").asBoolean()).isFalse();
        String text = execute("diagnose", Fixtures.resolve("tb/mlp_warmup").toString()).out();
        assertThat(text).contains("No warmup tried rescues lr 0.316", "warmup: tried, it did not rescue this rate");
    }

    @Test
    void theTensorBoardTreeIsASweepAndAWarmupStudyNeverPooled() throws Exception {
        InspectCommandTest.Result result = execute("diagnose", Fixtures.resolve("tb").toString(), "--json");
        JsonNode studies = new ObjectMapper().readTree(result.out()).get("studies");
        assertThat(studies).extracting(s -> s.get("path").asText()).containsExactly("mlp_lr_sweep", "mlp_warmup");
        assertThat(studies).extracting(s -> s.get("kind").asText()).containsExactly("lr-sweep", "warmup");
        assertThat(studies.get(0).get("trials")).hasSize(7);
        assertThat(studies.get(0).at("/lr_star/value").asDouble()).isEqualTo(0.1);
        assertThat(studies.get(1).at("/warmup/by_lr/0/tried")).extracting(JsonNode::asLong).containsExactly(40L, 120L);
    }

    @Test
    void everyTrialIsListedWithItsVerdict() {
        JsonNode trials = sweep.get("trials");
        assertThat(trials).hasSize(7);
        for (JsonNode t : trials) {
            boolean unstable = truthTrial(t.get("lr").asDouble()).get("unstable").asBoolean();
            assertThat(t.get("stable").asBoolean()).as(t.get("run").asText()).isEqualTo(!unstable);
            assertThat(t.get("onset_step").isNull()).isEqualTo(!unstable);
            assertThat(t.at("/hparams/momentum").asDouble()).isEqualTo(0.9);
        }
    }

    @Test
    void textOutputGroupsFindingsByRule() {
        String out = execute("diagnose", Fixtures.resolve("tb/mlp_lr_sweep").toString()).out();
        assertThat(out).contains("[lr-star]", "lr* = 0.1:", "[instability]", "! lr 0.316 is unstable",
                "[clipping]", "[steps]");
    }

    @Test
    void aRoleCanBeMappedToAnyTag() throws Exception {
        // with the train loss standing in for the eval loss, lr* is ranked on the raw train loss
        InspectCommandTest.Result result = execute("diagnose", Fixtures.resolve("tb/mlp_lr_sweep").toString(),
                "--json", "--role", "eval-loss=train/loss");
        JsonNode d = new ObjectMapper().readTree(result.out()).get("studies").get(0);
        assertThat(d.at("/lr_star/best").asDouble()).isEqualTo(0.06272711604833603); // the lr* run's lowest train loss
    }

    @Test
    void badOptionsAreUsageErrors() {
        InspectCommandTest.Result role = execute("diagnose", Fixtures.root().toString(), "--role", "accuracy=acc");
        assertThat(role.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(role.err()).contains("unknown role 'accuracy'");
        InspectCommandTest.Result percentile = execute("diagnose", Fixtures.root().toString(), "--clip-percentile", "120");
        assertThat(percentile.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(execute("diagnose", "/no/such/dir").err()).contains("no such file or folder");
    }

    @Test
    void aRunWithoutALearningRateIsJudgedOnItsOwn() {
        String out = execute("diagnose", Fixtures.resolve("keras_csv").toString()).out();
        assertThat(out).startsWith("== keras_csv: runs, 1 trial (a single run) ==").contains("[instability]", "[steps]");
    }

    @Test
    void aFolderWithoutTrialsSaysWhy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws Exception {
        java.nio.file.Path run = java.nio.file.Files.createDirectories(root.resolve("run"));
        java.nio.file.Files.writeString(run.resolve("metrics.jsonl"), "{\"step\": 1, \"accuracy\": 0.5}\n");
        String out = execute("diagnose", root.toString()).out();
        assertThat(out).contains("runs, 0 trials").contains("No findings: no rule had its inputs");
    }

    @Test
    void oneStudyCanBeChosen() throws Exception {
        InspectCommandTest.Result result = execute("diagnose", Fixtures.root().toString(), "--json", "--study",
                "tb/mlp_warmup/");
        assertThat(new ObjectMapper().readTree(result.out()).get("studies")).singleElement()
                .satisfies(s -> assertThat(s.get("id").asText()).isEqualTo("tb/mlp_warmup"));
        InspectCommandTest.Result none = execute("diagnose", Fixtures.root().toString(), "--study", "nope");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("no study 'nope'").contains("tb/mlp_lr_sweep");
    }

    private static JsonNode truthTrial(double lr) {
        for (JsonNode t : truth.get("sweep")) {
            if (t.get("lr").asDouble() == lr) {
                return t;
            }
        }
        throw new AssertionError("no truth for lr " + lr);
    }

}
