package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.io.TensorBoardRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The steps rule on the stable trials of the real LR sweep, against truth.json's best eval steps. */
class StepsFixtureTest {

    @Test
    void bestStepsOfTheStableSweepTrialsMatchTheTruth() {
        List<Trial> trials = new ArrayList<>();
        List<JsonNode> stable = new ArrayList<>();
        for (JsonNode trial : Fixtures.truth().get("diagnosis").get("sweep")) {
            if (trial.get("unstable").asBoolean()) {
                continue;
            }
            String path = trial.get("run").asText();
            Run run = new TensorBoardRunSource(Fixtures.resolve(path), path).refresh();
            trials.add(Trial.of(path, trial.get("lr").asDouble(), run.scalar("train/loss").orElseThrow(),
                    run.scalar("eval/loss"), run.scalar("train/grad_norm")));
            stable.add(trial);
        }
        assertThat(trials).hasSize(5);

        StepsAdvice advice = StepsAdvisor.advise(trials, StepsAdvisor.Settings.DEFAULTS);

        assertThat(advice.runs()).hasSize(5);
        for (int i = 0; i < 5; i++) {
            BestStep best = advice.runs().get(i);
            assertThat(best.run()).isEqualTo(stable.get(i).get("run").asText());
            assertThat(best.bestStep()).isEqualTo(stable.get(i).get("best_eval_step").asLong());
            assertThat(best.bestValue()).isEqualTo(stable.get(i).get("best_eval_loss").asDouble());
            assertThat(best.firstStep()).isEqualTo(20);
            assertThat(best.lastStep()).isEqualTo(400);
            // every best eval step lies at 360..400 of 20..400: at least (360 - 20) / 380 = 0.89 of the way
            assertThat(best.verdict()).isEqualTo(BestStep.Verdict.TRAIN_LONGER);
        }
        assertThat(advice.runs().get(4).position()).isEqualTo(340.0 / 380);
        assertThat(advice.findings()).anySatisfy(f -> assertThat(f.message()).contains("in every run"));
        // lr* sets the sweep's training-loss floor, and no other trial comes within 5% of it in 400 steps
        assertThat(advice.candidateRun()).isEqualTo(Optional.of("tb/mlp_lr_sweep/lr_1.00e-01"));
        assertThat(advice.maxTrainStepsCandidate().orElseThrow()).isBetween(1L, 400L);
        Finding candidate = advice.findings().get(advice.findings().size() - 1);
        assertThat(candidate.evidence().numbers()).containsEntry("fitting_trials", 1.0);
        assertThat(candidate.message()).contains("(the only trial of 5 that fits the training set: its training loss"
                + " stopped falling)");
    }
}
