package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.TruthAssertions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every TensorBoard run and tag in the shared fixtures, checked against truth.json. */
class TensorBoardFixtureTest {
    private static Map<String, Run> runs;
    private static JsonNode truth;

    @BeforeAll
    static void readFixtures() throws Exception {
        Path root = Fixtures.root();
        runs = RunLoader.loadAll(root).stream().filter(r -> r.path().startsWith("tb/"))
                .collect(Collectors.toMap(Run::path, r -> r));
        truth = Fixtures.truth().get("tensorboard");
    }

    @Test
    void findsOneRunPerTrialAndAttachesTheHparamsSubfolders() {
        List<String> trials = truth.properties().stream().map(Map.Entry::getKey)
                .filter(key -> !truth.get(key).has("hparams_run_of") && key.split("/").length == 3).sorted().toList();
        assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(trials);
        assertThat(trials).hasSize(9);
    }

    @Test
    void everyTagMatchesTruth() {
        int checkedTags = 0;
        for (Map.Entry<String, JsonNode> entry : truth.properties()) {
            Run run = runOf(entry.getKey());
            for (Map.Entry<String, JsonNode> tag : entry.getValue().get("tags").properties()) {
                String kind = tag.getValue().get("kind").asText();
                if (kind.equals("scalar")) {
                    checkScalar(run, tag.getKey(), tag.getValue());
                } else if (kind.equals("histogram")) {
                    checkHistogram(run, tag.getKey(), tag.getValue());
                } else {
                    assertThat(kind).isEqualTo("plugin:hparams"); // read as the run's hyperparameters
                }
                checkedTags++;
            }
        }
        assertThat(checkedTags).isGreaterThan(100);
    }

    @Test
    void hyperparametersComeFromThePluginAsDoubles() {
        for (Map.Entry<String, JsonNode> entry : truth.properties()) {
            JsonNode expected = entry.getValue().get("hparams");
            if (expected == null || expected.isEmpty()) {
                continue;
            }
            Run run = runOf(entry.getKey());
            assertThat(run.hyperparameters().source()).startsWith("hparams plugin");
            expected.properties().forEach(hp -> assertThat(run.hyperparameters().number(hp.getKey()))
                    .as(entry.getKey() + " " + hp.getKey()).contains(hp.getValue().asDouble()));
        }
    }

    @Test
    void theFolderNameFillsInWhatThePluginLacks() {
        Run run = runOf("tb/mlp_warmup/lr_3.16e-01_warmup_40");
        assertThat(run.hyperparameters().source()).isEqualTo("hparams plugin + folder name");
        assertThat(run.hyperparameters().number("warmup")).contains(40.0);
        assertThat(run.hyperparameters().number("lr")).contains(0.316); // the plugin's double, not the name's
        assertThat(runOf("tb/mlp_lr_sweep/lr_1.00e-01").hyperparameters().source()).isEqualTo("hparams plugin");
    }

    @Test
    void cleanFixturesRaiseNoWarnings() {
        runs.values().forEach(run -> assertThat(run.warnings()).as(run.path()).isEmpty());
    }

    @Test
    void wallTimesAreKeptToTheMillisecond() {
        JsonNode expected = truth.get("tb/mlp_lr_sweep/lr_1.00e-01");
        ScalarSeries loss = runOf("tb/mlp_lr_sweep/lr_1.00e-01").scalar("train/loss").orElseThrow();
        assertThat(loss.wallTime(0)).isCloseTo(expected.get("first_wall_time").asDouble(), within(0.01));
        assertThat(loss.wallTime(loss.size() - 1)).isBetween(loss.wallTime(0),
                expected.get("last_wall_time").asDouble() + 0.001);
    }

    /** The run a truth entry belongs to: an add_hparams sub-folder belongs to the trial folder above it. */
    private static Run runOf(String truthKey) {
        String[] parts = truthKey.split("/");
        String runPath = parts.length > 3 ? String.join("/", parts[0], parts[1], parts[2]) : truthKey;
        assertThat(runs).as("run " + runPath).containsKey(runPath);
        return runs.get(runPath);
    }

    private static void checkScalar(Run run, String tag, JsonNode expected) {
        ScalarSeries series = run.scalar(tag).orElseThrow(() -> new AssertionError(run.path() + " lacks " + tag));
        TruthAssertions.assertMatchesTruth(series, expected, run.path() + " " + tag);
    }

    private static void checkHistogram(Run run, String tag, JsonNode expected) {
        HistogramSeries series = run.histograms().get(tag);
        assertThat(series).as(run.path() + " " + tag).isNotNull();
        assertThat(series.size()).isEqualTo(expected.get("count").asInt());
        for (int i = 0; i < series.size(); i++) {
            HistogramSeries.Point point = series.points().get(i);
            assertThat(point.step()).isEqualTo(expected.get("steps").get(i).asLong());
            assertThat(point.histogram().num()).isEqualTo(expected.get("num_per_histogram").get(i).asDouble());
            assertThat(point.histogram().bucketCount())
                    .isEqualTo(expected.get("buckets_per_histogram").get(i).asInt());
        }
        assertThat(series.last().histogram().min()).isEqualTo(expected.get("last_min").asDouble());
        assertThat(series.last().histogram().max()).isEqualTo(expected.get("last_max").asDouble());
    }
}
