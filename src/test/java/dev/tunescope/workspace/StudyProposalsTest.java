package dev.tunescope.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.WarmupAdvisor;
import dev.tunescope.run.StudyKind;
import dev.tunescope.study.StudyPlan;
import dev.tunescope.study.TrialPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A study planned from a diagnosis is the study its finding describes, trial for trial. */
class StudyProposalsTest {
    private static final Path SWEEP = Path.of("src/test/runs/post-ln/sweep");

    @Test
    void theWarmupStudyPlannedFromASweepRunsEachTrialAsLongAsTheFindingSays() throws Exception {
        Workspace workspace = Workspace.read(SWEEP, DiagnosisSettings.DEFAULTS);
        Diagnosis sweep = workspace.diagnoses().stream().filter(d -> d.study().kind() == StudyKind.LR_SWEEP)
                .findFirst().orElseThrow();
        WarmupAdvisor.StudyPlan proposed = sweep.warmup().flatMap(WarmupAdvisor.WarmupAdvice::plan).orElseThrow();

        StudyPlan planned = StudyProposals.from(workspace, sweep).plan(dev.tunescope.study.StudyKind.WARMUP,
                Map.of("name", "mlp"), 0, DiagnosisSettings.DEFAULTS.warmup().baseLrMultiplier(), 0);

        List<Long> plannedSteps = planned.trials().stream().map(TrialPlan::settings)
                .map(s -> s.get("steps").longValue()).toList();
        List<Long> proposedSteps = new java.util.ArrayList<>();
        for (int i = 0; i < proposed.warmupSteps().size(); i++) {
            proposedSteps.add(proposed.warmupSteps().get(i) + proposed.postWarmupSteps().get(i));
        }
        assertThat(plannedSteps).isEqualTo(proposedSteps);
        // the sweep's unstable trial took over 100 steps to show it: a 2 x warmup tail alone would be too short
        assertThat(proposed.postWarmupSteps()).allSatisfy(post -> assertThat(post).isGreaterThan(100));
    }
}
