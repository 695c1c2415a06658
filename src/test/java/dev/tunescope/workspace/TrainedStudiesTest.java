package dev.tunescope.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.ClippingStudyRule;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.InstabilityKind;
import dev.tunescope.diagnose.TrialStability;
import dev.tunescope.diagnose.WarmupAdvisor;
import dev.tunescope.export.RecommendedConfig;
import dev.tunescope.run.StudyKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verdicts on real studies of the character Transformer, trained by Tunescope's own trainer
 * (src/test/runs/make.sh): a Post-LN sweep whose rates from 0.01 up collapse to the loss of a unigram guess, a
 * warmup study at two of those rates (100 steps rescue 0.01, nothing rescues 0.1), a clipping study at 0.01 that
 * rescues nothing, and a Pre-LN sweep that holds the rates Post-LN loses.
 */
class TrainedStudiesTest {
    private static Workspace workspace;

    @BeforeAll
    static void open() throws Exception {
        workspace = Workspace.open(Path.of("src/test/runs"), DiagnosisSettings.DEFAULTS);
    }

    private static Diagnosis study(String id) {
        return workspace.diagnosis(id).orElseThrow();
    }

    private static String text(Diagnosis d) {
        return d.findings().stream().map(Finding::message).reduce("", (a, b) -> a + "\n" + b);
    }

    @Test
    void theTreeGivesOneStudyPerFolderWithItsKind() {
        assertThat(workspace.diagnoses()).extracting(d -> d.study().id() + ":" + d.study().kind().id())
                .containsExactly("post-ln/clip:clipping", "post-ln/sweep:lr-sweep", "post-ln/warmup:warmup",
                        "pre-ln/sweep:lr-sweep");
    }

    @Test
    void thePostLnSweepsTopRatesCollapseAfterTheCurvesPartNeverAtStepOne() {
        Diagnosis sweep = study("post-ln/sweep");
        assertThat(sweep.lrStar().orElseThrow().value()).isEqualTo(0.00316);
        assertThat(sweep.instability().orElseThrow().unstableBaseLr()).hasValue(0.01);
        List<TrialStability> unstable = sweep.instability().orElseThrow().unstable();
        assertThat(unstable).extracting(TrialStability::learningRate).containsExactly(0.01, 0.0316, 0.1);
        assertThat(unstable).allSatisfy(t -> {
            assertThat(t.signs()).anySatisfy(s -> assertThat(s.kind()).isEqualTo(InstabilityKind.PLATEAU));
            assertThat(t.onsetStep().orElseThrow()).isGreaterThan(1);
        });
        // 0.01 falls as fast as lr* at first: it parts from lr* where lr* goes on below the unigram loss
        assertThat(sweep.verdict("post-ln/sweep/lr_1.00e-02").orElseThrow().onsetStep().orElseThrow())
                .isBetween(20L, 120L);
    }

    @Test
    void theWarmupStudyRescuesOneRateAndNotTheOther() {
        Diagnosis warmup = study("post-ln/warmup");
        assertThat(warmup.judgedAgainst()).contains("post-ln/sweep");
        List<WarmupAdvisor.ByLearningRate> rates = warmup.warmup().orElseThrow().byLearningRate();
        assertThat(rates).extracting(WarmupAdvisor.ByLearningRate::learningRate).containsExactly(0.01, 0.1);
        WarmupAdvisor.ByLearningRate rescued = rates.get(0);
        assertThat(rescued.twin()).contains("post-ln/sweep/lr_1.00e-02");
        assertThat(rescued.tried()).extracting(WarmupAdvisor.WarmupTrial::warmupSteps).containsExactly(0L, 30L, 100L);
        assertThat(rescued.outcome()).isEqualTo(WarmupAdvisor.Outcome.RESCUED);
        assertThat(rescued.shortestStable()).hasValue(100);
        // 100 of the sweep's 300 steps: beyond the study's design (10%), and max_train_steps should reach 2000
        WarmupAdvisor.Limits limits = rescued.limits().orElseThrow();
        assertThat(limits.beyondDesign()).isTrue();
        assertThat(limits.raiseMaxTrainStepsTo()).hasValue(2000);
        assertThat(limits.scheduleSteps()).isEqualTo(400);
        assertThat(rates.get(1).outcome()).isEqualTo(WarmupAdvisor.Outcome.NOT_RESCUED);
        assertThat(text(warmup)).contains("No warmup tried rescues lr 0.1");
    }

    @Test
    void theClippingStudyRescuesNothingAndMovesToTheNextFix() {
        Diagnosis clip = study("post-ln/clip");
        ClippingStudyRule.Verdict verdict = clip.clippingStudy().orElseThrow();
        assertThat(verdict.rescued()).isFalse();
        assertThat(verdict.byThreshold()).extracting(ClippingStudyRule.ClipTrial::run)
                .containsExactly("post-ln/sweep/lr_1.00e-02", "post-ln/clip/lr_1.00e-02_clip_0.25",
                        "post-ln/clip/lr_1.00e-02_clip_1");
        // each threshold's clipped share is measured on its own trial: the tighter clips more
        assertThat(verdict.byThreshold().get(1).clippedFraction()).isGreaterThan(verdict.byThreshold().get(2)
                .clippedFraction());
        assertThat(verdict.byThreshold().get(1).measuredBy()).isEqualTo("clipped flags");
        // the threshold comes from the reference run (the sweep's lr*), judged at the rate it is meant for
        assertThat(clip.clipping().orElseThrow().run()).isEqualTo("post-ln/sweep/lr_3.16e-03");
        assertThat(clip.clipping().orElseThrow().target().orElseThrow().learningRate()).isEqualTo(0.01);
        assertThat(text(clip)).contains("No clipping threshold tried rescues lr 0.01",
                "skipped, the runs already use adam", "Pre-LN blocks (x + f(Norm(x))) instead of the Post-LN");
    }

    @Test
    void theSweepsFixesSayWhatItsStudiesShowed() {
        String fixes = study("post-ln/sweep").findings().stream().filter(f -> f.rule().equals("fixes"))
                .map(Finding::message).findFirst().orElseThrow();
        assertThat(fixes).contains("warmup: it rescued this rate", "clipping: tried, it did not rescue",
                "skipped, the runs already use adam", "Pre-LN blocks");
    }

    @Test
    void preLnHoldsTheRatesPostLnLosesAndIsNotToldToBecomePreLn() {
        Diagnosis pre = study("pre-ln/sweep");
        assertThat(pre.verdict("pre-ln/sweep/lr_1.78e-02").orElseThrow().stable()).isTrue();
        assertThat(study("post-ln/sweep").verdict("post-ln/sweep/lr_1.00e-02").orElseThrow().stable()).isFalse();
        assertThat(pre.instability().orElseThrow().unstableBaseLr().orElseThrow())
                .isGreaterThan(study("post-ln/sweep").instability().orElseThrow().unstableBaseLr().orElseThrow());
        assertThat(text(pre)).doesNotContain("Pre-LN blocks (x + f(Norm(x))) instead");
    }

    @Test
    void theExportedConfigFollowsTheVerdictsAndNamesItsStudies() {
        RecommendedConfig config = Recommendation.config(workspace, study("post-ln/sweep"), "test", "src/test/runs")
                .orElseThrow();
        assertThat(config.study()).isEqualTo("post-ln/sweep");
        assertThat(config.learningRate().fromStudy()).isIn("post-ln/sweep", "post-ln/warmup");
        assertThat(config.optimizer().orElseThrow().name()).contains("adam");
        assertThat(config.optimizer().orElseThrow().hyperparameters()).containsEntry("beta1", 0.9)
                .containsEntry("eps", 1.0e-8);
        assertThat(config.model().orElseThrow().name()).isEqualTo("char-transformer-post-ln");
        assertThat(config.model().orElseThrow().settings()).containsEntry("norm_placement", "post-ln");
        assertThat(config.seed()).hasValue(1);
        // lr* was still improving at step 300: the run length doubles, with the warmup's steps if it is chosen
        assertThat(config.maxTrainSteps().orElseThrow().value()).isGreaterThanOrEqualTo(600);
        assertThat(workspace.diagnoses()).noneMatch(d -> d.study().kind() == StudyKind.RUNS);
    }
}
