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
        sweep = new ObjectMapper().readTree(result.out());
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
            // the first sign comes no later than the first non-finite train loss the truth records
            JsonNode trial = truthTrial(u.get("lr").asDouble());
            assertThat(u.get("first_step").asLong()).isLessThanOrEqualTo(
                    trial.get("first_nonfinite_train_loss_step").asLong());
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
        JsonNode warmup = new ObjectMapper().readTree(result.out()).get("warmup");
        assertThat(warmup.get("target_lr").asDouble()).isEqualTo(0.316);
        assertThat(warmup.get("rescued").asBoolean()).isEqualTo(truth.get("warmup_rescued_any").asBoolean())
                .isFalse();
        assertThat(warmup.get("trials")).extracting(t -> t.get("warmup_steps").asLong()).containsExactly(40L, 120L);
        Text text = new Text(execute("diagnose", Fixtures.resolve("tb/mlp_warmup").toString()).out());
        assertThat(text.value).contains("Warmup did not rescue lr 0.316");
    }

    @Test
    void withTheNoWarmupTwinTheWarmupStudyIncludesIt() throws Exception {
        InspectCommandTest.Result result = execute("diagnose", Fixtures.resolve("tb").toString(), "--json");
        JsonNode d = new ObjectMapper().readTree(result.out());
        assertThat(d.at("/lr_star/value").asDouble()).isEqualTo(0.1);
        assertThat(d.at("/warmup/trials")).extracting(t -> t.get("warmup_steps").asLong()).containsExactly(0L, 40L, 120L);
        assertThat(d.at("/warmup/rescued").asBoolean()).isFalse();
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
        JsonNode d = new ObjectMapper().readTree(result.out());
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
    void aFolderWithoutTrialsSaysWhy() {
        String out = execute("diagnose", Fixtures.resolve("keras_csv").toString()).out();
        assertThat(out).startsWith("No findings: 1 run(s) read");
    }

    private static JsonNode truthTrial(double lr) {
        for (JsonNode t : truth.get("sweep")) {
            if (t.get("lr").asDouble() == lr) {
                return t;
            }
        }
        throw new AssertionError("no truth for lr " + lr);
    }

    private record Text(String value) {
    }
}
