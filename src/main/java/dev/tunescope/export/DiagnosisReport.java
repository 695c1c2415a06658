package dev.tunescope.export;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.diagnose.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The HTML report: the recommended config, every finding in the playbook's order, and the plots behind them, in
 * one self-contained file.
 */
public final class DiagnosisReport {
    private DiagnosisReport() {
    }

    public static String html(Diagnosis diagnosis, Optional<RecommendedConfig> config, String version, String source) {
        HtmlReport report = new HtmlReport("Tunescope diagnosis: " + source, version);
        HtmlReport.Section summary = report.section("Recommended configuration");
        config.ifPresentOrElse(c -> summary.table(configTable(c)).paragraph(String.join(" ", c.notes())),
                () -> summary.paragraph("No configuration can be recommended: no learning-rate sweep (and no warmup"
                        + " study that made a learning rate stable) was found."));
        HtmlReport.Section findings = report.section("Findings");
        for (Finding f : diagnosis.findings()) {
            findings.paragraph("[" + f.rule() + ", " + f.severity().id() + "] " + f.message());
        }
        if (!diagnosis.sweep().isEmpty()) {
            HtmlReport.Section lr = report.section("Learning rate and stability");
            DiagnosisCharts.learningRateAxis(diagnosis).ifPresent(svg -> lr.chart(svg,
                    "Best loss of each trial; lr* highlighted, unstable trials as hollow triangles"));
            lr.chart(DiagnosisCharts.lossCurves(diagnosis), "Training loss of every trial, every logged step;"
                    + " dashed lines mark each unstable trial's first unstable step");
            DiagnosisCharts.evalCurves(diagnosis).ifPresent(svg -> lr.chart(svg,
                    "Eval loss of every trial that logged one, every logged step"));
        }
        Optional<Svg> normCurve = DiagnosisCharts.gradNormCurve(diagnosis);
        Optional<Svg> normHistogram = DiagnosisCharts.gradNormHistogram(diagnosis);
        if (normCurve.isPresent() || normHistogram.isPresent()) {
            HtmlReport.Section clipping = report.section("Gradient clipping");
            normCurve.ifPresent(svg -> clipping.chart(svg, "Gradient norm against step with the recommended"
                    + " clipping threshold: updates above the line are clipped"));
            normHistogram.ifPresent(svg -> clipping.chart(svg, "Gradient norms with the recommended clipping"
                    + " threshold"));
        }
        return report.toHtml();
    }

    private static Map<String, String> configTable(RecommendedConfig c) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("learning rate", Text.number(c.learningRate().base()) + " ("
                + (c.learningRate().warmupSteps() > 0 ? c.learningRate().warmupSteps() + " warmup steps, then " : "")
                + c.learningRate().decay() + "): " + c.learningRate().evidence());
        c.clipThreshold().ifPresent(t -> rows.put("clip threshold", Text.number(t.value()) + ": " + t.evidence()));
        c.maxTrainSteps().ifPresent(s -> rows.put("max_train_steps", s.value() + ": " + s.evidence()));
        c.batchSize().ifPresent(b -> rows.put("batch size", b.value() + ": " + b.evidence()));
        c.optimizer().ifPresent(o -> rows.put("optimizer", o.name().orElse("(not recorded)") + " "
                + new java.util.TreeMap<>(o.hyperparameters()) + ": " + o.evidence()));
        c.model().ifPresent(m -> rows.put("model", m.name()));
        c.seed().ifPresent(seed -> rows.put("seed", Long.toString(seed)));
        return rows;
    }
}
