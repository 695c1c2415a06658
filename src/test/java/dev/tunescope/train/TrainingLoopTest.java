package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.io.TunescopeRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real DJL training on the CPU, small enough to take seconds. */
class TrainingLoopTest {
    private static final MlpWorkload MLP = new MlpWorkload(MlpWorkload.Settings.DEFAULTS);

    @TempDir
    Path dir;

    private static TrainingRequest request(String name, OptimizerSpec optimizer, Schedule schedule,
                                           OptionalDouble clip, long steps) {
        return new TrainingRequest(name, MLP, optimizer, schedule, clip, 64, steps, 20, 50, 1);
    }

    private Run read(String name) {
        return new TunescopeRunSource(dir.resolve(name), name).refresh();
    }

    @Test
    void theLossOfTheMlpGoesDownAndEverythingIsLogged() throws Exception {
        List<StepReport> reports = new ArrayList<>();
        TrainingResult result = TrainingLoop.run(request("sgd", OptimizerSpec.sgd(0.9, false),
                Schedule.constant(0.05), OptionalDouble.empty(), 200), dir.resolve("sgd"), reports::add,
                new Cancellation());
        assertThat(result.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(result.device()).isIn("cpu", "gpu(0)");
        assertThat(reports).hasSize(200);
        Run run = read("sgd");
        assertThat(run.status()).isEqualTo(RunStatus.FINISHED);
        ScalarSeries eval = run.scalar("eval/loss").orElseThrow();
        assertThat(eval.size()).isEqualTo(10);
        assertThat(eval.lastValue()).isLessThan(eval.value(0) * 0.8);
        assertThat(run.scalar("train/loss").orElseThrow().size()).isEqualTo(200);
        assertThat(run.scalar("train/grad_norm").orElseThrow().stats().min()).isGreaterThan(0);
        assertThat(run.scalar("lr").orElseThrow().stats().max()).isEqualTo(0.05);
        assertThat(run.histograms().get("grad/values").size()).isEqualTo(4);
        assertThat(run.hyperparameters().number("lr")).contains(0.05);
        assertThat(run.hyperparameters().number("momentum")).contains(0.9);
    }

    @Test
    void aFarTooHighLearningRateDivergesAndIsMarked() throws Exception {
        TrainingResult result = TrainingLoop.run(request("hot", OptimizerSpec.sgd(0.9, false), Schedule.constant(1e4),
                OptionalDouble.empty(), 300), dir.resolve("hot"), TrainingListener.NONE, new Cancellation());
        assertThat(result.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(result.steps()).isLessThan(300);
        Run run = read("hot");
        assertThat(run.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(Double.isFinite(run.scalar("train/loss").orElseThrow().lastValue())).isFalse();
    }

    @Test
    void theWarmupScheduleIsWhatTheRunLogs() throws Exception {
        TrainingLoop.run(request("warm", OptimizerSpec.adam(), Schedule.warmupThenConstant(0.01, 40),
                OptionalDouble.empty(), 60), dir.resolve("warm"), TrainingListener.NONE, new Cancellation());
        ScalarSeries lr = read("warm").scalar("lr").orElseThrow();
        assertThat(lr.value(0)).isEqualTo(0.01 / 40);
        assertThat(lr.value(19)).isEqualTo(0.01 * 20 / 40);
        assertThat(lr.value(39)).isEqualTo(0.01);
        assertThat(lr.value(59)).isEqualTo(0.01);
    }

    @Test
    void eachStepSaysWhetherItWasClipped() throws Exception {
        // the flag logged each step says whether the norm before clipping was above the threshold
        TrainingLoop.run(request("clip", OptimizerSpec.sgd(0, false), Schedule.constant(1.0), OptionalDouble.of(0.01),
                30), dir.resolve("clip"), TrainingListener.NONE, new Cancellation());
        Run run = read("clip");
        ScalarSeries clipped = run.scalar("train/clipped").orElseThrow();
        ScalarSeries norms = run.scalar("train/grad_norm").orElseThrow();
        for (int i = 0; i < norms.size(); i++) {
            assertThat(clipped.value(i)).isEqualTo(norms.value(i) > 0.01 ? 1.0 : 0.0);
        }
        assertThat(clipped.stats().max()).isEqualTo(1.0);
    }

    @Test
    void cancellingStopsTheRunAsCancelled() throws Exception {
        Cancellation cancellation = new Cancellation();
        TrainingResult result = TrainingLoop.run(request("stop", OptimizerSpec.adam(), Schedule.constant(0.001),
                OptionalDouble.empty(), 10_000), dir.resolve("stop"), report -> {
                    if (report.step() == 25) {
                        cancellation.cancel();
                    }
                }, cancellation);
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.steps()).isEqualTo(25);
        assertThat(read("stop").status()).isEqualTo(RunStatus.CANCELLED);
    }
}
