package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled sample runs, trained by Tunescope's own trainer (sample-runs/regenerate.sh), diagnosed as a user
 * would: the Post-LN sweep has an interior lr* and unstable top rates, the Pre-LN sweep holds higher rates, and the
 * warmup study planned from the Post-LN diagnosis makes its smallest unstable rate stable.
 */
class SampleRunsTest {
    private static JsonNode postLn;
    private static JsonNode preLn;

    @BeforeAll
    static void diagnose() throws Exception {
        InspectCommandTest.Result result = execute("diagnose", "sample-runs", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode all = new ObjectMapper().readTree(result.out()).get("diagnoses");
        for (JsonNode d : all) {
            if (d.get("sweep").asText().equals("post-ln-lr-sweep")) {
                postLn = d;
            } else if (d.get("sweep").asText().equals("pre-ln-lr-sweep")) {
                preLn = d;
            }
        }
        assertThat(postLn).isNotNull();
        assertThat(preLn).isNotNull();
    }

    private static List<Double> unstable(JsonNode d) {
        List<Double> lrs = new ArrayList<>();
        d.get("unstable").forEach(u -> lrs.add(u.get("lr").asDouble()));
        return lrs;
    }

    @Test
    void thePostLnSweepHasAnInteriorLrStarAndUnstableTopRates() {
        assertThat(postLn.at("/lr_star/boundary").asText()).isEqualTo("interior");
        assertThat(postLn.at("/lr_star/learning_rates_tried").asInt()).isEqualTo(7);
        assertThat(unstable(postLn)).isNotEmpty().allSatisfy(lr -> assertThat(lr)
                .isGreaterThan(postLn.at("/lr_star/value").asDouble()));
        assertThat(unstable(postLn)).contains(0.1);
    }

    @Test
    void preLnHoldsRatesWherePostLnWentUnstable() {
        assertThat(preLn.get("unstable_base_lr").asDouble()).isGreaterThan(postLn.get("unstable_base_lr").asDouble());
    }

    @Test
    void theWarmupStudyPlannedFromTheDiagnosisMakesTheUnstableRateStable() {
        JsonNode warmup = postLn.get("warmup");
        assertThat(warmup.get("target_lr").asDouble()).isEqualTo(postLn.get("unstable_base_lr").asDouble());
        assertThat(warmup.get("rescued").asBoolean()).isTrue();
        assertThat(warmup.get("trials")).anySatisfy(t -> assertThat(t.get("warmup_steps").asLong()).isZero());
    }

    @Test
    void theBatchProbeMeasuredThroughput() {
        assertThat(postLn.at("/batch/recommended_batch_size").asInt()).isGreaterThan(0);
        assertThat(postLn.at("/batch/doublings")).isNotEmpty();
    }
}
