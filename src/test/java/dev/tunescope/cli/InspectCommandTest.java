package dev.tunescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tunescope.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code tunescope inspect ../shared/fixtures --json} against truth.json. */
class InspectCommandTest {
    private static JsonNode report;
    private static Map<String, JsonNode> runsByPath;

    @BeforeAll
    static void inspectFixtures() throws Exception {
        Result result = execute("inspect", Fixtures.root().toString(), "--json");
        assertThat(result.exitCode).isZero();
        report = new ObjectMapper().readTree(result.out);
        runsByPath = new HashMap<>();
        report.get("runs").forEach(run -> runsByPath.put(run.get("path").asText(), run));
    }

    @Test
    void reportsEveryTensorBoardTagWithTruthsCountsStepsAndValues() {
        JsonNode truth = Fixtures.truth().get("tensorboard");
        int checked = 0;
        for (Map.Entry<String, JsonNode> entry : truth.properties()) {
            String[] parts = entry.getKey().split("/");
            String runPath = String.join("/", parts[0], parts[1], parts[2]); // hparams sub-folders: their trial
            JsonNode run = runsByPath.get(runPath);
            assertThat(run).as(runPath).isNotNull();
            for (Map.Entry<String, JsonNode> tag : entry.getValue().get("tags").properties()) {
                JsonNode expected = tag.getValue();
                switch (expected.get("kind").asText()) {
                    case "scalar" -> {
                        JsonNode actual = run.get("scalars").get(tag.getKey());
                        assertThat(actual).as(runPath + " " + tag.getKey()).isNotNull();
                        assertThat(actual.get("count").asInt()).isEqualTo(expected.get("count").asInt());
                        assertThat(actual.get("first_step").asLong()).isEqualTo(expected.get("first_step").asLong());
                        assertThat(actual.get("last_step").asLong()).isEqualTo(expected.get("last_step").asLong());
                        assertThat(actual.get("last")).isEqualTo(expected.get("last_value"));
                        assertThat(actual.get("nonfinite").asInt()).isEqualTo(expected.get("n_nonfinite").asInt());
                        assertThat(actual.get("min")).isEqualTo(expected.get("min_finite"));
                        assertThat(actual.get("max")).isEqualTo(expected.get("max_finite"));
                    }
                    case "histogram" -> assertThat(run.get("histograms").get(tag.getKey()).get("count").asInt())
                            .isEqualTo(expected.get("count").asInt());
                    default -> assertThat(run.get("hparams").has("lr")).isTrue(); // the plugin's hyperparameters
                }
                checked++;
            }
            if (entry.getValue().has("hparams")) {
                entry.getValue().get("hparams").properties().forEach(hp -> assertThat(
                        run.get("hparams").get(hp.getKey()).asDouble()).isEqualTo(hp.getValue().asDouble()));
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void reportsTheCsvCopiesWithTheirOwnTruths() {
        Fixtures.truth().get("lightning_csv").properties().forEach(file -> {
            String runPath = file.getKey().replace("/metrics.csv", "");
            JsonNode scalars = runsByPath.get(runPath).get("scalars");
            file.getValue().get("columns").properties().forEach(column -> {
                JsonNode actual = scalars.get(column.getKey());
                assertThat(actual.get("count").asInt()).isEqualTo(column.getValue().get("count").asInt());
                assertThat(actual.get("last")).isEqualTo(column.getValue().get("last_value"));
            });
        });
        JsonNode keras = runsByPath.get("keras_csv/training.log");
        assertThat(keras.get("format").asText()).isEqualTo("keras-csv");
        assertThat(keras.get("scalars").get("val_loss").get("min").asDouble()).isEqualTo(0.11957588791847229);
    }

    @Test
    void reportsTheMlflowCopiesWithTheirOwnTruths() {
        Fixtures.truth().get("mlflow").properties().forEach(runEntry -> {
            String runPath = runEntry.getKey();
            JsonNode run = runsByPath.get(runPath);
            assertThat(run).as(runPath).isNotNull();
            assertThat(run.get("format").asText()).isEqualTo("mlflow");
            assertThat(run.get("hparams").get("lr").asDouble()).isIn(0.1, 0.316);
            runEntry.getValue().get("metrics").properties().forEach(metric -> {
                JsonNode actual = run.get("scalars").get(metric.getKey());
                assertThat(actual.get("count").asInt()).isEqualTo(metric.getValue().get("count").asInt());
                assertThat(actual.get("first_step").asLong()).isEqualTo(metric.getValue().get("first_step").asLong());
                assertThat(actual.get("last")).isEqualTo(metric.getValue().get("last_value"));
                assertThat(actual.get("nonfinite").asInt()).isEqualTo(metric.getValue().get("n_nonfinite").asInt());
            });
        });
    }

    @Test
    void aRunIsNotReportedTwice() {
        assertThat(runsByPath).hasSize(report.get("runs").size());
        assertThat(runsByPath.keySet()).noneMatch(path -> path.matches(".*/\\d+\\.\\d+$"));
    }

    @Test
    void textOutputNamesEveryRunAndItsHyperparameters() {
        Result result = execute("inspect", Fixtures.resolve("tb/mlp_lr_sweep").toString());
        assertThat(result.exitCode).isZero();
        assertThat(result.out).contains("lr_1.00e-01  [tensorboard, unknown]")
                .contains("hyperparameters (hparams plugin): batch_size=64 lr=0.1 momentum=0.9")
                .contains("7 run(s)");
    }

    @Test
    void aMissingPathIsAUsageError() {
        Result result = execute("inspect", "/no/such/folder");
        assertThat(result.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err).contains("no such file or folder: /no/such/folder");
    }

    /** A command run alone ({@link TunescopeCommand#commandLineFor}) says and accepts what the whole line does. */
    @Test
    void aCommandRunAloneHasTheHelpAndOptionsOfTheWholeCommandLine() {
        for (String command : new String[] {"inspect", "diagnose", "export", "train", "verify", "study", "cache"}) {
            StringWriter whole = new StringWriter();
            CommandLine all = TunescopeCommand.newCommandLine();
            all.setOut(new PrintWriter(whole));
            all.execute(command, "--help");
            assertThat(execute(command, "--help").out()).startsWith("Usage: tunescope " + command)
                    .isEqualTo(whole.toString());
        }
        assertThat(execute("--help").out()).contains("inspect", "diagnose", "export", "train", "verify", "study",
                "cache");
        assertThat(execute("help", "inspect").out()).startsWith("Usage: tunescope inspect");
        Result verbose = execute("inspect", "--verbose", "/no/such/folder");
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(verbose.err()).contains("no such file or folder").doesNotContain("Unknown option");
    }

    record Result(int exitCode, String out, String err) {
    }

    static Result execute(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = TunescopeCommand.commandLineFor(args);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
