package dev.tunescope.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.io.TensorBoardRunSource;
import dev.tunescope.plot.Ema;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * Charts and a report of the real learning-rate sweep in the fixtures (7 trials, the two largest diverge), checked
 * against the fixtures' truth, and written to {@code target/examples/} for a person to look at.
 */
class LrSweepReportExampleTest {
    private static final List<String> TRIALS = List.of("lr_1.00e-03", "lr_3.16e-03", "lr_1.00e-02", "lr_3.16e-02",
            "lr_1.00e-01", "lr_3.16e-01", "lr_1.00e+00");
    private static final double[] LRS = {0.001, 0.00316, 0.01, 0.0316, 0.1, 0.316, 1.0};
    private static final Path OUT = Path.of("target", "examples");
    private static Map<String, Run> runs;

    @BeforeAll
    static void read() throws IOException {
        runs = new LinkedHashMap<>();
        for (String trial : TRIALS) {
            runs.put(trial, new TensorBoardRunSource(Fixtures.resolve("tb/mlp_lr_sweep/" + trial), trial).refresh());
        }
        Files.createDirectories(OUT);
    }

    @Test
    void lossCurvesShowWhereTheLargeRatesDiverged() throws IOException {
        Svg svg = lossChart();
        write("lr-sweep-train-loss.svg", svg.markup());
        Document doc = Xml.parse(svg.markup());
        List<String> texts = Xml.texts(doc, "text");
        // truth: lr 0.316 first non-finite train/loss at step 47 (Inf), lr 1.0 at step 14
        assertThat(texts).contains("lr = 0.316", "+Inf from step 47", "lr = 1", "first unstable step");
        assertThat(texts.stream().filter(t -> t.matches("(NaN|\\+Inf|-Inf) from step 14"))).hasSize(1);
        assertThat(Xml.texts(doc, "title")).contains("lr = 0.316: +Inf at step 47");
        assertThat(Xml.elements(doc, "path")).hasSize(7);
    }

    @Test
    void sweepScatterHighlightsLrStarAndSetsTheUnstableApart() throws IOException {
        Svg svg = sweepChart();
        write("lr-sweep-best-eval.svg", svg.markup());
        Document doc = Xml.parse(svg.markup());
        // truth: lr* = 0.1 with best eval/loss 0.11957588791847229; lr 1.0 has no finite eval/loss
        assertThat(Xml.texts(doc, "title")).contains("x = 0.1, y = 0.11957588791847229 (lr*)", "x = 1, y = NaN");
    }

    @Test
    void gradientNormHistogramWithP90() throws IOException {
        Svg svg = gradNormChart();
        write("lr-star-grad-norm.svg", svg.markup());
        assertThat(Xml.texts(Xml.parse(svg.markup()), "text")).contains("p90 = 1.214, 10.0% above");
    }

    @Test
    void reportOfTheSweep() throws IOException {
        HtmlReport report = new HtmlReport("Learning-rate sweep: mlp_lr_sweep", "0.1.0-SNAPSHOT");
        Map<String, String> findings = new LinkedHashMap<>();
        findings.put("lr*", "0.1 (best eval/loss 0.1196 at step 360)");
        findings.put("unstable learning rates", "0.316, 1.0");
        findings.put("clip threshold (p90 of grad norm at lr*)", "1.214");
        report.section("Learning rate").paragraph("Seven constant learning rates, half a decade apart. The best "
                        + "eval loss is at lr = 0.1, inside the searched range; the two larger rates diverge.")
                .table(findings).chart(sweepChart(), "Best eval loss of each trial")
                .chart(lossChart(), "Training loss; the two largest rates blow up, then turn NaN/Inf");
        report.section("Gradient clipping").paragraph("Gradient norms of the lr* run; a threshold at their 90th "
                + "percentile would clip one step in ten.").chart(gradNormChart());
        String html = report.toHtml();
        write("lr-sweep-report.html", html);
        Document doc = Xml.parse(html);
        assertThat(Xml.elements(doc, "svg")).hasSizeGreaterThanOrEqualTo(3);
    }

    private static Svg lossChart() {
        SvgLineChart chart = new SvgLineChart().size(860, 440).title("Training loss by learning rate")
                .xLabel("step").yLabel("train/loss (EMA 0.6)").yScale(ScaleType.LOG).yRange(0.05, 1e4)
                .verticalMarker(34, "first unstable step");
        for (int i = 0; i < TRIALS.size(); i++) {
            chart.series("lr = " + Markup.number(LRS[i]), Ema.smooth(loss(TRIALS.get(i)), 0.6));
        }
        return chart.toSvg();
    }

    private static Svg sweepChart() {
        SvgScatterChart chart = new SvgScatterChart().title("Best eval loss by learning rate").xLabel("learning rate")
                .yLabel("best eval/loss").connect(true).legend(MarkerStyle.NORMAL, "stable")
                .legend(MarkerStyle.HIGHLIGHTED, "lr*").legend(MarkerStyle.DISTINCT, "unstable (diverged)");
        for (int i = 0; i < TRIALS.size(); i++) {
            ScalarSeries eval = runs.get(TRIALS.get(i)).scalar("eval/loss").orElseThrow();
            double best = Arrays.stream(eval.valuesCopy()).filter(Double::isFinite).min().orElse(Double.NaN);
            boolean unstable = eval.stats().nonFinite() > 0;
            MarkerStyle style = unstable ? MarkerStyle.DISTINCT : LRS[i] == 0.1 ? MarkerStyle.HIGHLIGHTED
                    : MarkerStyle.NORMAL;
            chart.point(LRS[i], best, style, style == MarkerStyle.HIGHLIGHTED ? "lr*" : "");
        }
        return chart.note("lr* = 0.1 is interior: both neighbours were searched.").toSvg();
    }

    private static Svg gradNormChart() {
        double[] norms = runs.get("lr_1.00e-01").scalar("train/grad_norm").orElseThrow().valuesCopy();
        double max = Arrays.stream(norms).max().orElseThrow();
        int buckets = 40;
        double[] edges = new double[buckets + 1];
        double[] counts = new double[buckets];
        for (int i = 0; i <= buckets; i++) {
            edges[i] = max * i / buckets;
        }
        for (double norm : norms) {
            counts[Math.min(buckets - 1, (int) (norm / max * buckets))]++;
        }
        return new SvgHistogramChart().title("Gradient norm of the lr* run (400 steps)").xLabel("train/grad_norm")
                .bars(edges, counts).threshold(1.213999915122986, "p90 = 1.214, 10.0% above").toSvg();
    }

    private static ScalarSeries loss(String trial) {
        return runs.get(trial).scalar("train/loss").orElseThrow();
    }

    private static void write(String name, String content) throws IOException {
        Files.writeString(OUT.resolve(name), content, StandardCharsets.UTF_8);
    }
}
