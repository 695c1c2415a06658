package dev.tunescope.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.train.Cancellation;
import dev.tunescope.train.MlpWorkload;
import dev.tunescope.train.OptimizerSpec;
import dev.tunescope.train.Schedule;
import dev.tunescope.train.StepReport;
import dev.tunescope.train.TrainingBatch;
import dev.tunescope.train.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies run real (small) DJL training; resume, cancel and out-of-memory are exercised for real. */
class StudyRunnerTest {
    private static final MlpWorkload MLP = new MlpWorkload(new MlpWorkload.Settings(8, 3, 16, 1, 512, 128, 0));

    @TempDir
    Path dir;

    private static BuiltInExecutor executor(Workload workload) {
        return new BuiltInExecutor(new BuiltInExecutor.Base(workload, OptimizerSpec.sgd(0.9, false),
                Schedule.Decay.CONSTANT, 32, 40, 10, 0, 1));
    }

    /** Counts the trials each run of the study actually trained. */
    private static final class Recorder implements StudyRunner.Listener {
        final List<String> trained = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        @Override
        public void onTrialStart(int index, int count, TrialPlan trial, boolean doneBefore) {
            (doneBefore ? skipped : trained).add(trial.name());
        }

        @Override
        public void onStep(int index, int count, TrialPlan trial, StepReport report) {
        }

        @Override
        public void onTrialEnd(int index, int count, TrialOutcome outcome) {
        }
    }

    @Test
    void anLrSweepWritesAStudyTheReadersAndTheDiagnosisUnderstand() throws Exception {
        StudyPlan plan = StudyPlanner.lrSweep(MLP.describe(), 1e-3, 1e3, 4, 40);
        List<TrialOutcome> outcomes = StudyRunner.run(dir, plan, executor(MLP), new Recorder(), new Cancellation());
        assertThat(outcomes).extracting(TrialOutcome::trial)
                .containsExactly("lr_1.00e-03", "lr_1.00e-01", "lr_1.00e+01", "lr_1.00e+03");
        assertThat(Files.readString(dir.resolve("study.json"))).contains("\"kind\" : \"lr-sweep\"");
        List<Run> runs = RunLoader.loadAll(dir);
        assertThat(runs).hasSize(4).allSatisfy(r -> assertThat(r.hyperparameters().number("lr")).isPresent());
        assertThat(outcomes.get(3).status()).isIn(RunStatus.DIVERGED, RunStatus.FINISHED);
    }

    @Test
    void resumingSkipsFinishedTrialsAndRestartsTheInterruptedOne() throws Exception {
        StudyPlan plan = StudyPlanner.lrSweep(MLP.describe(), 1e-3, 1e-1, 3, 40);
        Cancellation killed = new Cancellation();
        Recorder first = new Recorder();
        StudyRunner.run(dir, plan, executor(MLP), new StudyRunner.Listener() {
            @Override
            public void onTrialStart(int index, int count, TrialPlan trial, boolean doneBefore) {
                first.onTrialStart(index, count, trial, doneBefore);
            }

            @Override
            public void onStep(int index, int count, TrialPlan trial, StepReport report) {
                if (index == 1 && report.step() == 15) {
                    killed.cancel(); // the process "dies" inside the second trial
                }
            }

            @Override
            public void onTrialEnd(int index, int count, TrialOutcome outcome) {
            }
        }, killed);
        Path second = dir.resolve("lr_1.00e-02");
        assertThat(Files.readString(second.resolve("run.json"))).contains("cancelled");
        // simulate a hard kill too: the run is left "running", as after kill -9
        Files.writeString(second.resolve("run.json"), Files.readString(second.resolve("run.json"))
                .replace("cancelled", "running"));
        long firstTrialBytes = Files.size(dir.resolve("lr_1.00e-03/metrics.jsonl"));

        Recorder again = new Recorder();
        List<TrialOutcome> outcomes = StudyRunner.run(dir, plan, executor(MLP), again, new Cancellation());
        assertThat(again.skipped).containsExactly("lr_1.00e-03");
        assertThat(again.trained).containsExactly("lr_1.00e-02", "lr_1.00e-01");
        assertThat(outcomes).extracting(TrialOutcome::status).containsOnly(RunStatus.FINISHED);
        assertThat(Files.size(dir.resolve("lr_1.00e-03/metrics.jsonl"))).isEqualTo(firstTrialBytes);
        assertThat(RunLoader.loadAll(second).get(0).scalar("train/loss").orElseThrow().size()).isEqualTo(40);
    }

    @Test
    void aDifferentPlanInTheSameFolderIsRefused() throws Exception {
        StudyRunner.run(dir, StudyPlanner.lrSweep(MLP.describe(), 1e-3, 1e-2, 2, 20), executor(MLP), new Recorder(),
                new Cancellation());
        assertThatThrownBy(() -> StudyRunner.run(dir, StudyPlanner.lrSweep(MLP.describe(), 1e-3, 1e-1, 2, 20),
                executor(MLP), new Recorder(), new Cancellation())).hasMessageContaining("different study");
    }

    @Test
    void theSamePlanOnAnotherWorkloadIsADifferentStudy() throws Exception {
        MlpWorkload otherData = new MlpWorkload(new MlpWorkload.Settings(8, 3, 16, 1, 512, 128, 7));
        StudyRunner.prepare(dir, StudyPlanner.lrSweep(MLP.describe(), 1e-3, 1e-2, 2, 20), executor(MLP), false);

        assertThatThrownBy(() -> StudyRunner.prepare(dir, StudyPlanner.lrSweep(otherData.describe(), 1e-3, 1e-2, 2,
                20), executor(otherData), false)).isInstanceOf(StudyFolderConflict.class)
                .hasMessageEndingWith("not this lr-sweep of 2 trial(s) on mlp: the workload differs");
        // the same study again is a resume, not a conflict
        StudyRunner.prepare(dir, StudyPlanner.lrSweep(MLP.describe(), 1e-3, 1e-2, 2, 20), executor(MLP), false);
    }

    /** The MLP, but a batch of 128 or more "does not fit": the engine's out-of-memory error, injected. */
    private static final class SmallMemory implements Workload {
        @Override
        public String name() {
            return "mlp-small-memory";
        }

        @Override
        public Map<String, Object> describe() {
            return Map.of("name", name());
        }

        @Override
        public Block newBlock() {
            return MLP.newBlock();
        }

        @Override
        public Shape[] inputShapes(int batchSize) {
            return MLP.inputShapes(batchSize);
        }

        @Override
        public Loss loss() {
            return MLP.loss();
        }

        @Override
        public TrainingBatch trainBatch(NDManager manager, int batchSize, long step) {
            if (batchSize >= 128) {
                throw new EngineException("CUDA out of memory. Tried to allocate 2.00 GiB");
            }
            return MLP.trainBatch(manager, batchSize, step);
        }

        @Override
        public List<TrainingBatch> evalBatches(NDManager manager, int batchSize) {
            return MLP.evalBatches(manager, batchSize);
        }
    }

    @Test
    void aBatchProbeStopsAtTheBatchThatDoesNotFitAndRecordsIt() throws Exception {
        StudyPlan plan = StudyPlanner.batchProbe(Map.of("name", "mlp-small-memory"), 0.01, 32, 1024, 10);
        List<TrialOutcome> outcomes = StudyRunner.run(dir, plan, executor(new SmallMemory()), new Recorder(),
                new Cancellation());
        assertThat(outcomes).extracting(TrialOutcome::trial).containsExactly("batch_32", "batch_64", "batch_128");
        assertThat(outcomes.get(2).status()).isEqualTo(RunStatus.FAILED);
        assertThat(outcomes.get(2).reason().orElseThrow()).contains("batch size 128 does not fit");
        Run oom = RunLoader.loadAll(dir.resolve("batch_128")).get(0);
        assertThat(oom.hyperparameters().get("out_of_memory").orElseThrow().display()).isEqualTo("true");
        // the process carried on, and a rerun does not try the failed size again
        Recorder again = new Recorder();
        StudyRunner.run(dir, plan, executor(new SmallMemory()), again, new Cancellation());
        assertThat(again.trained).isEmpty();
        assertThat(again.skipped).containsExactly("batch_32", "batch_64", "batch_128");
    }

    @Test
    void aWarmupStudyIsPlannedFromTheUnstableRate() throws IOException {
        StudyPlan plan = StudyPlanner.warmup(MLP.describe(), 0.316, 1000, 0, dev.tunescope.diagnose.WarmupAdvisor.Settings.DEFAULTS);
        assertThat(plan.trials()).extracting(TrialPlan::name).containsExactly("lr_3.16e+00_warmup_10",
                "lr_3.16e+00_warmup_100");
        assertThat(plan.trials().get(1).settings()).containsEntry("steps", 300L).containsEntry("warmup_steps", 100L);
    }
}
