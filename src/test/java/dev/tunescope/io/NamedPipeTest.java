package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.NamedPipes;
import dev.tunescope.testing.RunCopies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A named pipe where a run keeps one of its files blocked {@code open()} forever, and with it every run of the
 * folder. Each case copies a real run twice, turns one file of one copy into a real pipe, and reads the folder:
 * the untouched copy reads as the original does, the other keeps everything but the pipe, and the pipe is one
 * warning that names it.
 */
@DisabledOnOs(OS.WINDOWS)
class NamedPipeTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String PIPE = "is a named pipe (FIFO), not a regular file, so it was not read";

    @TempDir
    Path root;

    /**
     * @param run      a real run, relative to the repository or to the fixtures
     * @param pipe     the file of the run that becomes a pipe
     * @param lost     which tags live in that file, so that the run loses them
     */
    record Case(Path run, String pipe, Predicate<String> lost) {
        @Override
        public String toString() {
            return run.getFileName() + "/" + pipe;
        }
    }

    static Stream<Case> cases() {
        Path tunescope = Path.of("sample-runs/post-ln-lr-sweep/lr_1.00e-02");
        Path lightning = Fixtures.resolve("lightning_csv/lightning_logs/version_0");
        Path mlflow = Fixtures.resolve("mlflow/mlruns/482193574619283746/a568995c2c7d0f590f1206192bf65315");
        Path tensorboard = Fixtures.resolve("tb/mlp_lr_sweep/lr_1.00e-01");
        Predicate<String> every = tag -> true;
        Predicate<String> none = tag -> false;
        return Stream.of(
                new Case(tunescope, "metrics.jsonl", every),
                new Case(tunescope, "run.json", none),
                new Case(tunescope, "histograms.jsonl", none),
                new Case(lightning, "hparams.yaml", none),
                new Case(lightning, "metrics.csv", every),
                new Case(mlflow, "tags/mlflow.runName", none),
                new Case(mlflow, "params/lr", none),
                new Case(mlflow, "metrics/train/loss", tag -> tag.equals("train/loss")),
                new Case(mlflow, "meta.yaml", none),
                new Case(tensorboard, "events.out.tfevents.1795436499.vm", none));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aNamedPipeIsOneWarningAndEveryReadableRunIsStillRead(Case c) throws Exception {
        Path run = c.run().toAbsolutePath();
        RunCopies.copy(run, root.resolve("good"));
        Path piped = RunCopies.copy(run, root.resolve("piped"));
        Path pipe = NamedPipes.make(piped.resolve(c.pipe()));
        Run original = only(RunLoader.loadAll(run));

        Map<String, Run> read = NamedPipes.within(PATIENCE, List.of(pipe), () -> RunLoader.loadAll(root))
                .stream().collect(Collectors.toMap(Run::path, r -> r));

        assertThat(read).containsOnlyKeys("good", "piped");
        assertSameSeries(read.get("good"), original, tag -> false);
        assertThat(read.get("good").warnings()).hasSameSizeAs(original.warnings());
        Run withPipe = read.get("piped");
        assertSameSeries(withPipe, original, c.lost());
        if (!c.pipe().equals(TunescopeFormat.HISTOGRAMS)) {
            assertThat(withPipe.histograms().keySet()).isEqualTo(original.histograms().keySet());
        }
        List<ReadWarning> aboutPipe = withPipe.warnings().stream()
                .filter(w -> w.file().equals("piped/" + c.pipe())).toList();
        assertThat(aboutPipe).containsExactly(ReadWarning.wholeFile("piped/" + c.pipe(), PIPE));
    }

    private static Run only(List<Run> runs) {
        assertThat(runs).hasSize(1);
        return runs.get(0);
    }

    /** The run has the original's series (every point), less the {@code lost} ones. */
    private static void assertSameSeries(Run run, Run original, Predicate<String> lost) {
        Set<String> kept = original.scalars().keySet().stream().filter(lost.negate()).collect(Collectors.toSet());
        assertThat(original.scalars()).isNotEmpty();
        assertThat(run.scalars().keySet()).isEqualTo(kept);
        run.scalars().forEach((tag, series) -> {
            assertThat(series.stepsCopy()).as(tag).isEqualTo(original.scalars().get(tag).stepsCopy());
            assertThat(series.valuesCopy()).as(tag).isEqualTo(original.scalars().get(tag).valuesCopy());
        });
    }
}
