package dev.tunescope.diagnose;

import static dev.tunescope.diagnose.Synthetic.decaying;
import static dev.tunescope.diagnose.Synthetic.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.Study;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The diagnoser routes each kind of study to its rule and leaves out what has no inputs. */
class DiagnoserTest {

    private static Run run(String path, Map<String, String> hparams, ScalarSeries... series) {
        Map<String, ScalarSeries> scalars = new HashMap<>();
        for (ScalarSeries s : series) {
            scalars.put(s.tag(), s);
        }
        return new Run(path, path, RunFormat.TUNESCOPE, RunStatus.FINISHED, Hyperparameters.parsed(hparams, "test"),
                scalars, Map.of(), List.of());
    }

    private static Study study(String kind, Run... runs) {
        return new Study(kind, kind, Optional.of(kind), Optional.empty(), List.of(runs));
    }

    private static ScalarSeries named(String tag, ScalarSeries s) {
        return ScalarSeries.of(tag, s.stepsCopy(), s.valuesCopy());
    }

    private static Run trial(String path, double lr, long warmup, ScalarSeries loss) {
        Map<String, String> hp = new HashMap<>(Map.of("lr", Double.toString(lr)));
        if (warmup > 0) {
            hp.put("warmup_steps", Long.toString(warmup));
        }
        return run(path, hp, named("train/loss", loss), named("eval/loss", Synthetic.evalOf(loss)),
                series("train/grad_norm", loss.size(), s -> 1 + (s % 10) / 10.0));
    }

    private static ScalarSeries diverging(int n, int at) {
        return series("loss", n, s -> s < at ? 1.0 / Math.sqrt(s) : Double.NaN);
    }

    @Test
    void aSweepAWarmupStudyAndAProbeEachReachTheirRule() {
        Study sweep = study("lr-sweep", trial("s/lr_0.01", 0.01, 0, decaying(400, 2, 0.5, 0.01, 0.02, 1)),
                trial("s/lr_0.1", 0.1, 0, decaying(400, 2, 0.2, 0.02, 0.02, 2)),
                trial("s/lr_1", 1, 0, diverging(400, 50)));
        Study warmup = study("warmup", trial("w/w10", 1, 10, diverging(400, 80)),
                trial("w/w100", 1, 100, decaying(400, 2, 0.3, 0.01, 0.02, 3)));
        Study probe = study("instability-probe", trial("p/probe", 0.2, 0, decaying(500, 2, 0.4, 0.01, 0.02, 4)));
        Diagnosis d = Diagnoser.diagnose(List.of(sweep, warmup, probe), DiagnosisSettings.DEFAULTS);
        assertThat(d.lrStar().orElseThrow().value()).isEqualTo(0.1);
        assertThat(d.instability().orElseThrow().unstable()).extracting(TrialStability::run).containsExactly("s/lr_1");
        WarmupAdvisor.StudyVerdict verdict = d.warmup().orElseThrow().verdict().orElseThrow();
        assertThat(verdict.recommendedWarmup()).hasValue(100);
        assertThat(verdict.trials()).extracting(WarmupAdvisor.WarmupTrial::warmupSteps).containsExactly(0L, 10L, 100L);
        assertThat(d.probe().orElseThrow().unstableEarly()).isFalse();
        assertThat(d.clipping().orElseThrow().run()).isEqualTo("s/lr_0.1");
        assertThat(d.steps().orElseThrow().runs()).extracting(BestStep::run)
                .containsExactlyInAnyOrder("s/lr_0.01", "s/lr_0.1");
        assertThat(d.batch()).isEmpty();
        assertThat(d.maxTrainSteps()).isEqualTo(400);
    }

    @Test
    void aBatchProbeGivesTheBatchAdviceWithItsOutOfMemoryLimit() {
        List<Run> runs = new ArrayList<>();
        double[] throughput = {1000, 1950, 3800, 4400};
        for (int i = 0; i < throughput.length; i++) {
            int batch = 32 << i;
            double examples = throughput[i];
            runs.add(run("b/bs_" + batch, Map.of("batch_size", Integer.toString(batch)),
                    series("examples_per_sec", 20, s -> examples * (1 + 0.01 * (s % 3)))));
        }
        runs.add(run("b/bs_512", Map.of("batch_size", "512", "out_of_memory", "true")));
        Diagnosis d = Diagnoser.diagnose(List.of(study("batch-probe", runs.toArray(Run[]::new))),
                DiagnosisSettings.DEFAULTS);
        BatchAdvice batch = d.batch().orElseThrow();
        assertThat(batch.recommendedBatchSize()).isEqualTo(128);
        assertThat(batch.outOfMemoryBatchSize()).hasValue(512);
        assertThat(batch.bottleneck()).isTrue();
        assertThat(d.lrStar()).isEmpty();
    }

    @Test
    void aDeclaredMaxTrainStepsWinsOverTheRunsLength() {
        Run a = run("a", Map.of("lr", "0.1", "max_train_steps", "10000"), named("loss", decaying(300, 2, 0.5, 0.02, 0.01, 5)));
        Diagnosis d = Diagnoser.diagnose(List.of(Study.plain(".", "x", List.of(a))),
                DiagnosisSettings.DEFAULTS);
        assertThat(d.maxTrainSteps()).isEqualTo(10_000);
    }

    @Test
    void twoSweepsAreTwoDiagnosesEachWithTheStudiesPlannedFromIt() {
        Study postLn = new Study("post", "post", Optional.of("lr-sweep"), Optional.empty(), List.of(
                trial("post/lr_0.01", 0.01, 0, decaying(300, 2, 0.5, 0.01, 0.02, 1)),
                trial("post/lr_0.1", 0.1, 0, decaying(300, 2, 0.3, 0.02, 0.02, 2))));
        Study preLn = new Study("pre", "pre", Optional.of("lr-sweep"), Optional.empty(), List.of(
                trial("pre/lr_0.01", 0.01, 0, decaying(300, 2, 0.4, 0.01, 0.02, 3)),
                trial("pre/lr_0.1", 0.1, 0, decaying(300, 2, 0.6, 0.02, 0.02, 4))));
        Study warmup = new Study("warm", "warm", Optional.of("warmup"), Optional.of("post"), List.of(
                trial("warm/w100", 1, 100, decaying(300, 2, 0.3, 0.01, 0.02, 5))));
        Study clip = new Study("clip", "clip", Optional.of("clip"), Optional.of("post"), List.of(
                trial("clip/c1", 1, 0, diverging(300, 10))));
        List<Diagnoser.StudyDiagnosis> each = Diagnoser.diagnoseEach(List.of(postLn, preLn, warmup, clip),
                DiagnosisSettings.DEFAULTS);
        assertThat(each).extracting(Diagnoser.StudyDiagnosis::sweep).containsExactly("post", "pre");
        Diagnosis post = each.get(0).diagnosis();
        assertThat(post.sweep()).extracting(Trial::run).containsExactly("post/lr_0.01", "post/lr_0.1");
        assertThat(post.warmup().orElseThrow().verdict()).isPresent();
        Diagnosis pre = each.get(1).diagnosis();
        assertThat(pre.lrStar().orElseThrow().run()).isEqualTo("pre/lr_0.01");
        assertThat(pre.warmup()).isEmpty(); // the warmup study was planned from the other sweep
    }

    @Test
    void nothingToDiagnoseGivesNoFindings() {
        Diagnosis d = Diagnoser.diagnose(List.of(), DiagnosisSettings.DEFAULTS);
        assertThat(d.findings()).isEmpty();
        assertThat(d.lrStar()).isEmpty();
        assertThat(d.instability()).isEmpty();
    }
}
