package dev.tunescope.cli;

import static dev.tunescope.cli.InspectCommandTest.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunescope.export.ConfigFiles;
import dev.tunescope.export.RecommendedConfig;
import dev.tunescope.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code export} writes files that parse back to the diagnosis of the fixtures' sweep. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private JsonNode exported(String fileName, String... extra) throws Exception {
        Path out = dir.resolve(fileName);
        String[] args = new String[4 + extra.length];
        args[0] = "export";
        args[1] = Fixtures.resolve("tb/mlp_lr_sweep").toString();
        args[2] = "--out";
        args[3] = out.toString();
        System.arraycopy(extra, 0, args, 4, extra.length);
        InspectCommandTest.Result result = execute(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return ConfigFiles.read(Files.readString(out));
    }

    @Test
    void jsonAndYamlCarryTheSameRecommendation() throws Exception {
        JsonNode json = exported("config.json");
        JsonNode yaml = exported("config.yaml");
        for (JsonNode config : new JsonNode[] {json, yaml}) {
            assertThat(config.get("schema_version").asInt()).isEqualTo(RecommendedConfig.SCHEMA_VERSION);
            assertThat(config.get("tunescope_version").asText()).isNotBlank();
            assertThat(config.at("/learning_rate/base").asDouble()).isEqualTo(0.1);
            assertThat(config.at("/learning_rate/schedule/decay").asText()).isEqualTo("constant");
            assertThat(config.at("/learning_rate/schedule/warmup_steps").asLong()).isZero();
            assertThat(config.at("/learning_rate/from_study").asText()).isEqualTo(".");
            assertThat(config.at("/learning_rate/evidence").asText()).contains("lr* of a 7-rate sweep");
            assertThat(config.at("/clip_threshold/value").asDouble()).isCloseTo(1.214, within(1e-6));
            assertThat(config.at("/clip_threshold/clipped_fraction").asDouble()).isEqualTo(0.1);
            // lr*'s eval loss was best at step 360 of 400, still improving beyond its noise: train longer
            assertThat(config.at("/max_train_steps/value").asLong()).isEqualTo(800);
            assertThat(config.at("/max_train_steps/evidence").asText()).contains("train longer");
            assertThat(config.at("/learning_rate/schedule/total_steps").asLong()).isEqualTo(800);
            assertThat(config.at("/batch_size/value").asInt()).isEqualTo(64);
            assertThat(config.at("/optimizer/hyperparameters/momentum").isNumber()).isTrue();
            assertThat(config.at("/optimizer/hyperparameters/momentum").asDouble()).isEqualTo(0.9);
            assertThat(config.at("/diagnosis_settings/clip_percentile").asDouble()).isEqualTo(90);
            assertThat(config.get("notes").toString()).contains("Warmup study to run");
        }
        assertThat(Files.readString(dir.resolve("config.yaml"))).doesNotStartWith("{");
    }

    @Test
    void theClippingPercentileCanBeChosen() throws Exception {
        JsonNode config = exported("p99.json", "--clip-percentile", "99");
        assertThat(config.at("/clip_threshold/percentile").asDouble()).isEqualTo(99);
        assertThat(config.at("/clip_threshold/clipped_fraction").asDouble()).isLessThanOrEqualTo(0.01 + 1.0 / 400);
    }

    @Test
    void theHtmlReportIsOneWellFormedFileWithThePlots() throws Exception {
        Path out = dir.resolve("report.html");
        assertThat(execute("export", Fixtures.resolve("tb/mlp_lr_sweep").toString(), "--out", out.toString())
                .exitCode()).isZero();
        String html = Files.readString(out);
        assertThat(html).doesNotContain("<script", "<link", "src=", "href=").contains("lr* = 0.1", "p90 = 1.214");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(out.toFile());
        assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void nothingToRecommendIsAnErrorThatSaysWhy() {
        InspectCommandTest.Result result = execute("export", Fixtures.resolve("keras_csv").toString(), "--out",
                dir.resolve("x.json").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("holds no LR sweep");
    }

    @Test
    void aFolderOfSeveralSweepsAsksWhichAndExportsTheOneChosen() throws Exception {
        InspectCommandTest.Result ambiguous = execute("export", Fixtures.root().toString(), "--out",
                dir.resolve("x.json").toString());
        assertThat(ambiguous.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ambiguous.err()).contains("holds 3 LR sweeps").contains("tb/mlp_lr_sweep").contains("--study");
        Path out = dir.resolve("chosen.json");
        InspectCommandTest.Result chosen = execute("export", Fixtures.root().toString(), "--out", out.toString(),
                "--study", "tb/mlp_lr_sweep");
        assertThat(chosen.exitCode()).as(chosen.err()).isZero();
        assertThat(ConfigFiles.read(Files.readString(out)).get("study").asText()).isEqualTo("tb/mlp_lr_sweep");
    }
}
