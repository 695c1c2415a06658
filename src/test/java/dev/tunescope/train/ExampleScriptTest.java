package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tunescope.io.TunescopeRunSource;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped example script, {@code examples/train_example.py}, run end to end as a study would run it. */
class ExampleScriptTest {
    private static final Path SCRIPT = Path.of("examples", "train_example.py").toAbsolutePath();
    private static final CommandTemplate TEMPLATE = CommandTemplate.of(List.of("python3", SCRIPT.toString(),
            "--lr", "{lr}", "--warmup", "{warmup_steps}", "--clip", "{clip}", "--bs", "{batch_size}",
            "--steps", "{steps}", "--out", "{out}", "--seed", "{seed}"));

    @TempDir
    Path dir;

    @BeforeAll
    static void needsPython() {
        String path = System.getenv().getOrDefault("PATH", "");
        assumeTrue(Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, "python3"))),
                "no python3 on PATH");
        assertThat(SCRIPT).exists();
    }

    private Run train(double lr, long steps) throws Exception {
        TrialValues trial = new TrialValues(lr, 5, 0, 16, steps, 0, "lr=" + lr);
        Path runDir = dir.resolve(trial.runName());
        ExternalResult result = new ExternalLauncher().run(
                ExternalRun.forTrial(TEMPLATE, trial, runDir).withTimeout(Duration.ofSeconds(30)));
        assertThat(result.status()).as(result.reason().orElse("")).isEqualTo(RunStatus.FINISHED);
        assertThat(runDir.resolve("out").resolve("summary.json")).exists();
        return new TunescopeRunSource(runDir, "x").refresh();
    }

    @Test
    void atASmallLearningRateTheLossFallsAndTheLogHasEveryMetric() throws Exception {
        Run run = train(0.05, 60);

        ScalarSeries loss = run.scalars().get("train/loss");
        assertThat(loss.stepsCopy()).hasSize(60).startsWith(1, 2, 3).endsWith(60);
        double[] values = loss.valuesCopy();
        double firstTen = Arrays.stream(values, 0, 10).average().orElseThrow();
        double lastTen = Arrays.stream(values, 50, 60).average().orElseThrow();
        assertThat(lastTen).isLessThan(firstTen / 10);
        assertThat(run.scalars().get("eval/loss").stepsCopy()).containsExactly(10, 20, 30, 40, 50, 60);
        assertThat(run.scalars().get("lr").valuesCopy()).startsWith(0.01, 0.02).endsWith(0.05);
        assertThat(run.scalars()).containsKey("train/grad_norm");
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void atAHugeLearningRateTheLossGoesNonFiniteAndTheScriptStops() throws Exception {
        Run run = train(1e4, 200);

        double[] loss = run.scalars().get("train/loss").valuesCopy();
        assertThat(loss.length).isLessThan(200);
        assertThat(loss[loss.length - 1]).matches(value -> !Double.isFinite(value), "is not finite");
        assertThat(run.warnings()).isEmpty();
    }
}
