package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.ClippingAdvisor;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.InstabilityRule;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.StudyKind;
import dev.tunescope.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each finding of a real sweep points at runs, a metric and steps that hold its evidence. */
class FindingEvidenceTest {
    private static final MetricAliases ALIASES = MetricAliases.defaults();
    private static Diagnosis sweep;

    @BeforeAll
    static void diagnose() throws Exception {
        Workspace workspace = Workspace.read(Path.of("src/test/runs/post-ln"), DiagnosisSettings.DEFAULTS);
        sweep = workspace.diagnoses().stream().filter(d -> d.study().kind() == StudyKind.LR_SWEEP).findFirst()
                .orElseThrow();
    }

    private static List<Finding> of(String rule) {
        return sweep.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void anInstabilityFindingSelectsItsRunAndMarksTheOnsetInsideTheRangeShown() {
        Finding unstable = of(InstabilityRule.RULE).stream().filter(f -> f.evidence().runs().size() == 1)
                .findFirst().orElseThrow();
        FindingEvidence evidence = FindingEvidence.of(unstable, ALIASES);
        long onset = sweep.verdict(unstable.evidence().runs().get(0)).orElseThrow().onsetStep().orElseThrow();

        assertThat(evidence.runs()).isEqualTo(unstable.evidence().runs());
        assertThat(evidence.metric()).contains(MetricRole.TRAIN_LOSS);
        assertThat(evidence.onsets()).contains(onset);
        FindingEvidence.StepRange range = evidence.range().orElseThrow();
        assertThat(range.from()).isLessThan(onset);
        assertThat(range.to()).isGreaterThan(onset);
    }

    @Test
    void clippingAdviceIsShownOnGradientNorms() {
        assertThat(of(ClippingAdvisor.RULE)).isNotEmpty().allSatisfy(f ->
                assertThat(FindingEvidence.of(f, ALIASES).metric()).contains(MetricRole.GRAD_NORM));
    }

    @Test
    void lrStarIsShownOnTheMetricItWasRankedOn() {
        Finding star = of(LrStarRule.RULE).get(0);
        MetricRole ranked = sweep.lrStar().orElseThrow().metric().startsWith("eval") ? MetricRole.EVAL_LOSS
                : MetricRole.TRAIN_LOSS;
        assertThat(FindingEvidence.of(star, ALIASES).metric()).contains(ranked);
        assertThat(FindingEvidence.of(star, ALIASES).runs()).contains(sweep.lrStar().orElseThrow().run());
    }
}
