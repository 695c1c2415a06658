package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.Histogram;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link TunescopeRunWriter} writes, {@link TunescopeRunSource} reads back, live and afterwards. */
class TunescopeRoundTripTest {
    static final Instant T0 = Instant.parse("2026-01-02T03:04:05.250Z");
    static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    static TunescopeRunInfo info() {
        Map<String, HyperparameterValue> hparams = new LinkedHashMap<>();
        hparams.put("lr", new HyperparameterValue.Number(0.1));
        hparams.put("batch_size", new HyperparameterValue.Number(64));
        hparams.put("optimizer", new HyperparameterValue.Text("sgd"));
        hparams.put("nesterov", new HyperparameterValue.Flag(false));
        Map<String, Object> workload = new LinkedHashMap<>();
        workload.put("name", "mlp");
        workload.put("layers", List.of(64, 64, 1));
        workload.put("steps", 400);
        return TunescopeRunInfo.started("lr sweep trial 4", T0, "cpu", new Hyperparameters(hparams, "plan"),
                workload);
    }

    private TunescopeRunWriter writer(Path runDir) throws IOException {
        return TunescopeRunWriter.create(runDir, info(), CLOCK);
    }

    private static Map<String, Double> values(Object... tagsAndValues) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (int i = 0; i < tagsAndValues.length; i += 2) {
            values.put((String) tagsAndValues[i], (Double) tagsAndValues[i + 1]);
        }
        return values;
    }

    @Test
    void metricsIncludingNonFiniteValuesComeBackExactly() throws IOException {
        Path runDir = dir.resolve("trial");
        try (TunescopeRunWriter writer = writer(runDir)) {
            writer.metrics(1, values("train/loss", 2.31, "lr", 0.001));
            writer.metrics(2, values("train/loss", Double.POSITIVE_INFINITY, "lr", 0.001));
            writer.metrics(3, values("train/loss", Double.NaN));
            writer.metrics(4, values("train/loss", Double.NEGATIVE_INFINITY, "eval/loss", 1e-300));
        }
        Run run = new TunescopeRunSource(runDir, "sweep/trial").refresh();

        ScalarSeries loss = run.scalars().get("train/loss");
        assertThat(loss.stepsCopy()).containsExactly(1, 2, 3, 4);
        assertThat(loss.valuesCopy()).containsExactly(2.31, Double.POSITIVE_INFINITY, Double.NaN,
                Double.NEGATIVE_INFINITY);
        assertThat(loss.wallTime(3)).isEqualTo(1767323045.25);
        assertThat(run.scalars().get("lr").stepsCopy()).containsExactly(1, 2);
        assertThat(run.scalars().get("eval/loss").valuesCopy()).containsExactly(1e-300);
        assertThat(run.warnings()).isEmpty();
        assertThat(run.format()).isEqualTo(RunFormat.TUNESCOPE);
        assertThat(run.path()).isEqualTo("sweep/trial");
    }

    @Test
    void nonFiniteValuesAreWrittenAsQuotedStrings() throws IOException {
        Path runDir = dir.resolve("r");
        try (TunescopeRunWriter writer = writer(runDir)) {
            writer.metrics(7, values("a", Double.NaN, "b", Double.POSITIVE_INFINITY, "c", Double.NEGATIVE_INFINITY,
                    "d", 0.5));
        }
        assertThat(Files.readString(runDir.resolve("metrics.jsonl"))).isEqualTo(
                "{\"step\":7,\"time\":1767323045.250,\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":\"-Infinity\","
                        + "\"d\":0.5}\n");
    }

    @Test
    void runJsonCarriesNameStatusAndHyperparametersAndIsReplacedWhenTheStatusChanges() throws IOException {
        Path runDir = dir.resolve("r");
        TunescopeRunSource source = new TunescopeRunSource(runDir, "r");
        try (TunescopeRunWriter writer = writer(runDir)) {
            writer.metrics(1, values("loss", 1.0));
            Run live = source.refresh();
            assertThat(live.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(live.name()).isEqualTo("lr sweep trial 4");
            Hyperparameters hparams = live.hyperparameters();
            assertThat(hparams.source()).isEqualTo("run.json + run.json workload");
            assertThat(hparams.number("lr")).contains(0.1);
            assertThat(hparams.get("batch_size").orElseThrow().display()).isEqualTo("64");
            assertThat(hparams.get("optimizer")).contains(new HyperparameterValue.Text("sgd"));
            assertThat(hparams.get("nesterov")).contains(new HyperparameterValue.Flag(false));
            // the workload's short scalar fields and the device join them, so runs of two models are told apart
            assertThat(hparams.get("workload")).contains(new HyperparameterValue.Text("mlp"));
            assertThat(hparams.number("workload.steps")).contains(400.0);
            assertThat(hparams.get("device")).contains(new HyperparameterValue.Text("cpu"));
            assertThat(hparams.get("workload.layers")).isEmpty(); // a list is for people, not for grouping

            writer.status(RunStatus.DIVERGED);
            assertThat(writer.info().status()).isEqualTo(RunStatus.DIVERGED);
            assertThat(source.refresh().status()).isEqualTo(RunStatus.DIVERGED);
        }
        try (Stream<Path> files = Files.list(runDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("run.json",
                    "metrics.jsonl"); // no temporary file left, no histogram file for a run without histograms
        }
        assertThat(Files.readString(runDir.resolve("run.json"))).contains("\"status\" : \"diverged\"")
                .contains("\"batch_size\" : 64");
    }

    @Test
    void runInfoReadsBackWhole() throws IOException {
        Path runDir = dir.resolve("r");
        writer(runDir).close();
        TunescopeRunInfo read = RunJson.read(Files.readString(runDir.resolve("run.json")), "run.json",
                w -> { throw new AssertionError(w.toString()); }).orElseThrow();
        assertThat(read.name()).isEqualTo("lr sweep trial 4");
        assertThat(read.created()).contains(T0);
        assertThat(read.device()).isEqualTo("cpu");
        assertThat(read.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(read.hparams().values()).isEqualTo(info().hparams().values());
        assertThat(read.workload()).containsExactly(Map.entry("name", "mlp"), Map.entry("layers", List.of(64, 64, 1)),
                Map.entry("steps", 400));
    }

    @Test
    void factsKnownAtTheEndJoinTheWorkloadWithTheFinalStatus() throws IOException {
        Path runDir = dir.resolve("r");
        try (TunescopeRunWriter writer = writer(runDir)) {
            writer.status(RunStatus.FAILED, Map.of("exit_code", 3, "steps", 12));
            assertThat(writer.info().workload()).containsEntry("exit_code", 3).containsEntry("steps", 12)
                    .containsEntry("name", "mlp");
        }
        TunescopeRunInfo read = RunJson.read(Files.readString(runDir.resolve("run.json")), "run.json",
                w -> { throw new AssertionError(w.toString()); }).orElseThrow();
        assertThat(read.status()).isEqualTo(RunStatus.FAILED);
        assertThat(read.workload()).containsExactly(Map.entry("name", "mlp"), Map.entry("layers", List.of(64, 64, 1)),
                Map.entry("steps", 12), Map.entry("exit_code", 3));
        assertThat(read.hparams().values()).isEqualTo(info().hparams().values());
    }

    @Test
    void histogramsComeBackWithEstimatedSums() throws IOException {
        Path runDir = dir.resolve("r");
        try (TunescopeRunWriter writer = writer(runDir)) {
            writer.histogram(100, "grad/values", new double[] {-1, 0, 2}, new double[] {3, 1});
            writer.histogram(200, "grad/values", new double[] {-0.5, 0.5}, new double[] {29761});
        }
        Run run = new TunescopeRunSource(runDir, "r").refresh();
        HistogramSeries grads = run.histograms().get("grad/values");
        assertThat(grads.points()).extracting(HistogramSeries.Point::step).containsExactly(100L, 200L);
        Histogram first = grads.points().get(0).histogram();
        assertThat(first.min()).isEqualTo(-1);
        assertThat(first.max()).isEqualTo(2);
        assertThat(first.bucketLimits()).containsExactly(0, 2);
        assertThat(first.counts()).containsExactly(3, 1);
        assertThat(first.num()).isEqualTo(4);
        assertThat(first.sum()).isEqualTo(3 * -0.5 + 1 * 1.0);
        assertThat(first.sumSquares()).isEqualTo(3 * 0.25 + 1 * 1.0);
        assertThat(grads.last().histogram().num()).isEqualTo(29761);
        assertThat(grads.last().wallTime()).isEqualTo(1767323045.25);
        assertThat(Files.readString(runDir.resolve("histograms.jsonl"))).startsWith(
                "{\"step\":100,\"time\":1767323045.250,\"tag\":\"grad/values\",\"edges\":[-1.0,0.0,2.0],"
                        + "\"counts\":[3,1]}\n");
        assertThat(run.warnings()).isEmpty();
    }

    @Test
    void aLiveReaderSeesEachRecordAsSoonAsItIsLogged() throws IOException {
        Path runDir = dir.resolve("r");
        TunescopeRunSource source = new TunescopeRunSource(runDir, "r");
        try (TunescopeRunWriter writer = writer(runDir)) {
            for (int step = 1; step <= 5; step++) {
                writer.metrics(step, values("loss", 1.0 / step));
                ScalarSeries loss = source.refresh().scalars().get("loss");
                assertThat(loss.size()).isEqualTo(step);
                assertThat(loss.lastValue()).isEqualTo(1.0 / step);
            }
            writer.histogram(5, "w", new double[] {0, 1}, new double[] {2});
            assertThat(source.refresh().histograms().get("w").size()).isEqualTo(1);
            writer.status(RunStatus.FINISHED);
        }
        Run done = source.refresh();
        assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(done.warnings()).isEmpty();
    }

    @Test
    void reopeningARunAppendsAndRepeatedStepsKeepTheNewestValues() throws IOException {
        Path runDir = dir.resolve("r");
        try (TunescopeRunWriter writer = writer(runDir)) {
            writer.metrics(1, values("loss", 1.0));
            writer.metrics(2, values("loss", 0.9));
            writer.metrics(3, values("loss", 0.8));
        }
        try (TunescopeRunWriter resumed = writer(runDir)) { // resumed from the checkpoint at step 2
            resumed.metrics(3, values("loss", 0.7));
        }
        Run run = new TunescopeRunSource(runDir, "r").refresh();
        assertThat(run.scalars().get("loss").valuesCopy()).containsExactly(1.0, 0.9, 0.7);
        assertThat(run.warnings()).singleElement().satisfies(w -> assertThat(w.message())
                .contains("went back to step 3"));
    }

    @Test
    void theWriterRefusesWhatTheFormatCannotHold() throws IOException {
        TunescopeRunWriter writer = writer(dir.resolve("r"));
        assertThatThrownBy(() -> writer.metrics(1, values("step", 1.0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.histogram(1, "h", new double[] {0, 1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        writer.close();
        writer.close(); // closing twice is harmless
        assertThatThrownBy(() -> writer.metrics(1, values("loss", 1.0))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> writer.status(RunStatus.FINISHED)).isInstanceOf(IOException.class);
        assertThat(Files.readString(dir.resolve("r/metrics.jsonl"))).isEmpty();
    }

    @Test
    void aRunFolderIsOneWithMetricsOrRunJson() throws IOException {
        Path runDir = dir.resolve("r");
        assertThat(TunescopeFormat.isRunDirectory(runDir)).isFalse();
        writer(runDir).close();
        assertThat(TunescopeFormat.isRunDirectory(runDir)).isTrue();
        Files.delete(runDir.resolve("run.json"));
        assertThat(TunescopeFormat.isRunDirectory(runDir)).isTrue();
        Files.delete(runDir.resolve("metrics.jsonl"));
        assertThat(TunescopeFormat.isRunDirectory(runDir)).isFalse();
        assertThat(TunescopeFormat.isRunDirectory(dir)).isFalse();
    }

    @Test
    void nonFiniteHyperparametersStayNumbers() throws IOException {
        Path runDir = dir.resolve("r");
        Hyperparameters hparams = new Hyperparameters(Map.of("clip", new HyperparameterValue.Number(
                Double.POSITIVE_INFINITY), "lr", new HyperparameterValue.Number(3e-4)), "plan");
        TunescopeRunWriter.create(runDir, TunescopeRunInfo.started("r", T0, "cpu", hparams, Map.of()), CLOCK).close();
        assertThat(Files.readString(runDir.resolve("run.json"))).contains("\"clip\" : \"Infinity\"");
        Run run = new TunescopeRunSource(runDir, "r").refresh();
        assertThat(run.hyperparameters().get("clip"))
                .contains(new HyperparameterValue.Number(Double.POSITIVE_INFINITY));
        assertThat(run.hyperparameters().number("lr")).contains(3e-4);
    }
}
