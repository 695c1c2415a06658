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
import dev.tunescope.run.StudyKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The diagnoser routes each kind of study to its rules, judges studies against the sweep they name. */
class DiagnoserTest {

    private static Run run(String path, Map<String, String> hparams, ScalarSeries... series) {
        Map<String, ScalarSeries> scalars = new HashMap<>();
        for (ScalarSeries s : series) {
            scalars.put(s.tag(), s);
        }
        return new Run(path, path, RunFormat.TUNESCOPE, RunStatus.FINISHED, Hyperparameters.parsed(hparams, "test"),
                scalars, Map.of(), List.of());
    }

    private static ScalarSeries named(String tag, ScalarSeries s) {
        return ScalarSeries.of(tag, s.stepsCopy(), s.valuesCopy());
    }

    private static Run trial(String path, double lr, long warmup, ScalarSeries loss) {
        Map<String, String> hp = new HashMap<>(Map.of("lr", Double.toString(lr), "optimizer", "sgd"));
        if (warmup > 0) {
            hp.put("warmup_steps", Long.toString(warmup));
        }
        return run(path, hp, named("train/loss", loss), named("eval/loss", Synthetic.evalOf(loss)),
                series("train/grad_norm", loss.size(), s -> 1 + (s % 10) / 10.0));
    }

    private static ScalarSeries diverging(int n, int at) {
        return series("loss", n, s -> s < at ? 1.0 / Math.sqrt(s) : Double.NaN);
    }

    private static Study sweep() {
        return Study.of("s", StudyKind.LR_SWEEP, List.of(
                trial("s/lr_0.01", 0.01, 0, decaying(400, 2, 0.5, 0.01, 0.02, 1)),
                trial("s/lr_0.1", 0.1, 0, decaying(400, 2, 0.2, 0.02, 0.02, 2)),
                trial("s/lr_1", 1, 0, diverging(400, 50))));
    }

    private static Diagnosis of(List<Diagnosis> all, String id) {
        return all.stream().filter(d -> d.study().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachStudyGetsItsOwnDiagnosisAndTheOnesThatNameTheSweepAreJudgedAgainstIt() {
        Study warmup = Study.of("w", StudyKind.WARMUP, List.of(trial("w/w10", 1, 10, diverging(400, 80)),
                trial("w/w100", 1, 100, decaying(400, 2, 0.2, 0.02, 0.02, 3)))).basedOn("s");
        Study probe = Study.of("p", StudyKind.PROBE, List.of(trial("p/probe", 0.2, 0,
                decaying(500, 2, 0.4, 0.01, 0.02, 4)))).basedOn("s");
        List<Diagnosis> all = Diagnoser.diagnoseAll(List.of(sweep(), warmup, probe), DiagnosisSettings.DEFAULTS);
        assertThat(all).extracting(d -> d.study().id()).containsExactly("s", "w", "p");

        Diagnosis s = of(all, "s");
        assertThat(s.lrStar().orElseThrow().value()).isEqualTo(0.1);
        assertThat(s.instability().orElseThrow().unstable()).extracting(TrialStability::run).containsExactly("s/lr_1");
        assertThat(s.clipping().orElseThrow().run()).isEqualTo("s/lr_0.1");
        assertThat(s.clipping().orElseThrow().target().orElseThrow().run()).isEqualTo("s/lr_1");
        assertThat(s.steps().orElseThrow().runs()).extracting(BestStep::run)
                .containsExactlyInAnyOrder("s/lr_0.01", "s/lr_0.1");
        assertThat(s.findings()).anySatisfy(f -> assertThat(f.message())
                .contains("warmup: it rescued this rate in the warmup study"));
        assertThat(s.findings()).noneMatch(f -> f.rule().equals(EarlyInstabilityRule.RULE)); // a probe was run

        Diagnosis w = of(all, "w");
        assertThat(w.judgedAgainst()).contains("s");
        WarmupAdvisor.ByLearningRate rate = w.warmup().orElseThrow().byLearningRate().get(0);
        assertThat(rate.learningRate()).isEqualTo(1.0);
        assertThat(rate.twin()).contains("s/lr_1"); // the sweep's trial at the same rate
        assertThat(rate.tried()).extracting(WarmupAdvisor.WarmupTrial::warmupSteps).containsExactly(0L, 10L, 100L);
        assertThat(rate.outcome()).isEqualTo(WarmupAdvisor.Outcome.RESCUED);
        assertThat(rate.shortestStable()).hasValue(100);

        assertThat(of(all, "p").probe().orElseThrow().unstableEarly()).isFalse();
    }

    @Test
    void aSweepWithUnstableTrialsAndNoStudiesIsToldWhatToRun() {
        Diagnosis s = Diagnoser.diagnose(sweep(), DiagnosisSettings.DEFAULTS);
        assertThat(s.warmup().orElseThrow().plan()).isPresent();
        assertThat(s.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo(EarlyInstabilityRule.RULE));
        assertThat(s.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo(Fixes.RULE);
            assertThat(f.message()).contains("Adam instead of sgd");
        });
    }

    @Test
    void aClippingStudyIsJudgedPerThreshold() {
        Study clip = Study.of("c", StudyKind.CLIPPING, List.of(trial("c/noclip", 1, 0, diverging(400, 50)),
                withClip(trial("c/clip_1", 1, 0, decaying(400, 2, 0.2, 0.02, 0.02, 5)), "1.5"))).basedOn("s");
        Diagnosis c = of(Diagnoser.diagnoseAll(List.of(sweep(), clip), DiagnosisSettings.DEFAULTS), "c");
        ClippingStudyRule.Verdict verdict = c.clippingStudy().orElseThrow();
        assertThat(verdict.byThreshold()).extracting(ClippingStudyRule.ClipTrial::run)
                .containsExactly("c/noclip", "c/clip_1");
        assertThat(verdict.byThreshold().get(1).measuredBy()).isEqualTo("gradient norms");
        assertThat(verdict.byThreshold().get(1).clippedFraction()).isEqualTo(0.4); // norms 1.0..1.9, above 1.5: 4 in 10
        assertThat(verdict.rescued()).isTrue();
        assertThat(verdict.rescuedThreshold()).hasValue(1.5);
        assertThat(c.clipping().orElseThrow().run()).isEqualTo("s/lr_0.1"); // the sweep's lr* gives the threshold
    }

    private static Run withClip(Run run, String clip) {
        Map<String, String> hp = new HashMap<>();
        run.hyperparameters().values().forEach((k, v) -> hp.put(k, v.display()));
        hp.put("clip", clip);
        return new Run(run.path(), run.name(), run.format(), run.status(), Hyperparameters.parsed(hp, "test"),
                run.scalars(), run.histograms(), run.warnings());
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
        Diagnosis d = Diagnoser.diagnose(Study.of("b", StudyKind.BATCH_PROBE, runs), DiagnosisSettings.DEFAULTS);
        BatchAdvice batch = d.batch().orElseThrow();
        assertThat(batch.recommendedBatchSize()).isEqualTo(256); // the peak, 16% above 128
        assertThat(batch.perfectScalingUpTo()).hasValue(128);
        assertThat(batch.outOfMemoryBatchSize()).hasValue(512);
        assertThat(batch.bottleneck()).isTrue();
        assertThat(d.lrStar()).isEmpty();
    }

    @Test
    void aDeclaredMaxTrainStepsWinsOverTheRunsLength() {
        Run a = run("a", Map.of("lr", "0.1", "max_train_steps", "10000"), named("loss", decaying(300, 2, 0.5, 0.02, 0.01, 5)));
        Diagnosis d = Diagnoser.diagnose(Study.plain(".", "x", List.of(a)), DiagnosisSettings.DEFAULTS);
        assertThat(d.maxTrainSteps()).isEqualTo(10_000);
    }

    @Test
    void twoSweepsAreTwoDiagnosesAndAStudyCountsOnlyForTheSweepItNames() {
        Study postLn = Study.of("post", StudyKind.LR_SWEEP, List.of(
                trial("post/lr_0.01", 0.01, 0, decaying(300, 2, 0.5, 0.01, 0.02, 1)),
                trial("post/lr_0.1", 0.1, 0, decaying(300, 2, 0.3, 0.02, 0.02, 2)),
                trial("post/lr_1", 1, 0, diverging(300, 30))));
        Study preLn = Study.of("pre", StudyKind.LR_SWEEP, List.of(
                trial("pre/lr_0.01", 0.01, 0, decaying(300, 2, 0.4, 0.01, 0.02, 3)),
                trial("pre/lr_0.1", 0.1, 0, decaying(300, 2, 0.6, 0.02, 0.02, 4)),
                trial("pre/lr_1", 1, 0, diverging(300, 30))));
        Study warmup = Study.of("warm", StudyKind.WARMUP, List.of(
                trial("warm/w100", 1, 100, decaying(300, 2, 0.3, 0.01, 0.02, 5)))).basedOn("post");
        List<Diagnosis> all = Diagnoser.diagnoseAll(List.of(postLn, preLn, warmup), DiagnosisSettings.DEFAULTS);
        assertThat(all).extracting(d -> d.study().id()).containsExactly("post", "pre", "warm");
        assertThat(of(all, "post").warmup()).isEmpty(); // its warmup study was run
        assertThat(of(all, "pre").warmup().orElseThrow().plan()).isPresent(); // the other sweep is told to run one
        assertThat(of(all, "pre").lrStar().orElseThrow().run()).isEqualTo("pre/lr_0.01");
    }

    @Test
    void nothingToDiagnoseGivesNoDiagnoses() {
        assertThat(Diagnoser.diagnoseAll(List.of(), DiagnosisSettings.DEFAULTS)).isEmpty();
    }
}
