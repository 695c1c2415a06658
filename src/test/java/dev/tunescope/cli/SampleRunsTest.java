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
    private static JsonNode warmup;
    private static JsonNode clip;
    private static JsonNode batch;
    private static JsonNode verify;

    @BeforeAll
    static void diagnose() throws Exception {
        InspectCommandTest.Result result = execute("diagnose", "sample-runs", "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        for (JsonNode d : new ObjectMapper().readTree(result.out()).get("studies")) {
            switch (d.get("path").asText()) {
                case "post-ln-lr-sweep" -> postLn = d;
                case "pre-ln-lr-sweep" -> preLn = d;
                case "post-ln-warmup" -> warmup = d;
                case "post-ln-clip" -> clip = d;
                case "batch-probe" -> batch = d;
                case "post-ln-verify" -> verify = d;
                default -> throw new AssertionError("unexpected study " + d.get("path"));
            }
        }
        assertThat(List.of(postLn, preLn, warmup, clip, batch, verify)).doesNotContainNull();
    }

    private static List<Double> unstable(JsonNode d) {
        List<Double> lrs = new ArrayList<>();
        d.get("unstable").forEach(u -> lrs.add(u.get("lr").asDouble()));
        return lrs;
    }

    @Test
    void thePostLnSweepHasAnInteriorLrStarAndUnstableTopRates() {
        assertThat(postLn.get("kind").asText()).isEqualTo("lr-sweep");
        assertThat(postLn.at("/lr_star/boundary").asText()).isEqualTo("interior");
        assertThat(postLn.at("/lr_star/learning_rates_tried").asInt()).isEqualTo(7);
        assertThat(unstable(postLn)).isNotEmpty().allSatisfy(lr -> assertThat(lr)
                .isGreaterThan(postLn.at("/lr_star/value").asDouble()));
        assertThat(unstable(postLn)).contains(0.1);
        // the top rates fall as fast as lr* at first: they collapse after the curves part, never at step 1
        postLn.get("unstable").forEach(u -> assertThat(u.get("onset_step").asLong()).isGreaterThan(1));
    }

    @Test
    void preLnHoldsRatesWherePostLnWentUnstableAndOnlyPostLnIsToldAboutPreLn() {
        // Pre-LN is stable at every rate of the sweep, the ones Post-LN loses among them
        assertThat(unstable(postLn)).isNotEmpty();
        assertThat(unstable(preLn)).doesNotContainAnyElementsOf(unstable(postLn));
        assertThat(preLn.has("unstable_base_lr") ? preLn.get("unstable_base_lr").asDouble() : Double.POSITIVE_INFINITY)
                .isGreaterThan(postLn.get("unstable_base_lr").asDouble());
        assertThat(postLn.get("findings").toString()).contains("Pre-LN blocks (x + f(Norm(x))) instead of the Post-LN");
        assertThat(preLn.get("findings").toString()).doesNotContain("Pre-LN blocks (x + f(Norm(x))) instead");
        assertThat(postLn.get("findings").toString()).contains("skipped, the runs already use adam");
    }

    @Test
    void theWarmupStudyPlannedFromTheSweepRescuesTheUnstableRate() {
        assertThat(warmup.get("judged_against").asText()).isEqualTo("post-ln-lr-sweep");
        JsonNode rate = warmup.at("/warmup/by_lr/0");
        assertThat(rate.get("lr").asDouble()).isEqualTo(postLn.get("unstable_base_lr").asDouble());
        assertThat(rate.get("tried").get(0).asLong()).isZero(); // the sweep's trial at that rate is its twin
        assertThat(rate.get("outcome").asText()).isEqualTo("rescued");
        assertThat(rate.get("shortest_stable").asLong()).isPositive();
    }

    @Test
    void theClippingStudyIsJudgedPerThresholdOnItsOwnRuns() {
        assertThat(clip.get("kind").asText()).isEqualTo("clipping");
        assertThat(clip.at("/clipping/by_threshold")).hasSizeGreaterThan(1);
        clip.at("/clipping/by_threshold").forEach(row -> {
            if (!row.get("threshold").isNull()) {
                assertThat(row.get("measured_by").asText()).isEqualTo("clipped flags");
                assertThat(row.get("clipped_fraction").asDouble()).isBetween(0.0, 1.0);
            }
        });
        assertThat(clip.at("/clipping/run").asText()).isEqualTo(postLn.at("/lr_star/run").asText());
        assertThat(clip.get("findings").toString()).doesNotContain("not a sweep");
    }

    @Test
    void theBatchProbeMeasuredThroughputAndNamesTheDevice() {
        assertThat(batch.at("/batch/recommended_batch_size").asInt()).isGreaterThan(0);
        assertThat(batch.at("/batch/doublings")).isNotEmpty();
        assertThat(batch.get("findings").toString()).doesNotContain("I/O, synchronisation");
    }

    @Test
    void theVerificationRunAnswersWithTheSeedsSpreadAndTheNoiseOfOneRunAndTheSweepShowsIt() {
        JsonNode first = verify.get("findings").get(0);
        assertThat(first.get("rule").asText()).isEqualTo("verification");
        assertThat(first.get("message").asText()).startsWith("Verification: recommended config ")
                .contains(" vs best constant LR ").contains("(3 seeds)")
                .contains("at the best constant LR one eval to the next swings by");
        assertThat(postLn.get("findings").toString()).contains("The verify study post-ln-verify refers to this sweep");
    }
}
