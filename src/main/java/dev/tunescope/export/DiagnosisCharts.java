package dev.tunescope.export;

import dev.tunescope.diagnose.ClippingAdvice;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.Trial;
import dev.tunescope.diagnose.TrialStability;
import dev.tunescope.plot.Buckets;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.plot.StepMarks;
import dev.tunescope.run.ScalarSeries;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The report's plots, drawn from every logged point (M4 reduction at the chart's width): the sweep's train and
 * eval loss curves, the clipping run's gradient norm against step and as a histogram, both with the clipping
 * threshold, and the LR axis plot with lr* and the unstable trials marked.
 */
final class DiagnosisCharts {
    static final int HISTOGRAM_BUCKETS = 40;

    private DiagnosisCharts() {
    }

    /** Train loss of every sweep trial on a log axis, with each unstable trial's first unstable step marked. */
    static Svg lossCurves(Diagnosis d) {
        List<Trial> trials = d.sweep().stream().sorted(Comparator.comparingDouble(Trial::learningRate)).toList();
        SvgLineChart chart = new SvgLineChart().size(860, 440).title("Training loss by learning rate")
                .xLabel("step").yLabel("train loss").yScale(ScaleType.LOG);
        lossRange(trials).ifPresent(range -> chart.yRange(range[0], range[1]));
        for (Trial trial : trials) {
            chart.series("lr = " + Markup.number(trial.learningRate()), trial.trainLoss());
        }
        // one marker per step, naming every rate unstable from there, so that labels do not pile up
        List<Map.Entry<Long, String>> onsets = new java.util.ArrayList<>();
        d.instability().ifPresent(r -> r.unstable().forEach(t -> t.firstUnstableStep().ifPresent(step ->
                onsets.add(Map.entry(step, Markup.number(t.learningRate()))))));
        StepMarks.merge(onsets, "lr ", " unstable").forEach(m -> chart.verticalMarker(m.step(), m.label()));
        return chart.toSvg();
    }

    /**
     * From just under the lowest loss to ten times the highest starting loss: a diverging run's 1e36 would
     * otherwise flatten every other curve (its points beyond the top are still drawn to the edge).
     */
    private static Optional<double[]> lossRange(List<Trial> trials) {
        double low = Double.POSITIVE_INFINITY;
        double start = 0;
        for (Trial t : trials) {
            double min = t.trainLoss().stats().min();
            if (min > 0) {
                low = Math.min(low, min);
            }
            for (int i = 0; i < t.trainLoss().size(); i++) {
                if (Double.isFinite(t.trainLoss().value(i))) {
                    start = Math.max(start, t.trainLoss().value(i));
                    break;
                }
            }
        }
        return low < start ? Optional.of(new double[] {low * 0.8, start * 10}) : Optional.empty();
    }

    /** Best score of each sweep trial against its learning rate: lr* highlighted, unstable trials set apart. */
    static Optional<Svg> learningRateAxis(Diagnosis d) {
        if (d.lrStar().isEmpty()) {
            return Optional.empty();
        }
        LrStarRule.LrStar star = d.lrStar().get();
        Map<String, TrialStability> stability = d.instability().map(r -> r.trials().stream()
                .collect(Collectors.toMap(TrialStability::run, Function.identity()))).orElse(Map.of());
        Map<String, LrStarRule.RankedTrial> ranked = star.ranking().stream()
                .collect(Collectors.toMap(LrStarRule.RankedTrial::run, Function.identity()));
        SvgScatterChart chart = new SvgScatterChart().title("Best " + star.metric() + " by learning rate")
                .xLabel("learning rate").yLabel("best " + star.metric()).connect(true)
                .legend(MarkerStyle.NORMAL, "stable").legend(MarkerStyle.HIGHLIGHTED, "lr*")
                .legend(MarkerStyle.DISTINCT, "unstable");
        d.sweep().stream().sorted(Comparator.comparingDouble(Trial::learningRate)).forEach(trial -> {
            double best = Optional.ofNullable(ranked.get(trial.run())).map(LrStarRule.RankedTrial::score)
                    .orElse(Double.NaN);
            boolean unstable = Optional.ofNullable(stability.get(trial.run())).map(TrialStability::unstable)
                    .orElse(false);
            MarkerStyle style = trial.run().equals(star.run()) ? MarkerStyle.HIGHLIGHTED
                    : unstable ? MarkerStyle.DISTINCT : MarkerStyle.NORMAL;
            chart.point(trial.learningRate(), best, style, style == MarkerStyle.HIGHLIGHTED ? "lr*" : "");
        });
        chart.note(star.boundary() == LrStarRule.Boundary.INTERIOR ? "lr* = " + Markup.number(star.value())
                + " is inside the searched range."
                : "lr* = " + Markup.number(star.value()) + " is at the edge of the searched range: extend the sweep.");
        return Optional.of(chart.toSvg());
    }

    /**
     * Eval loss of every sweep trial that logged one, on a log axis: lr* is usually ranked on it, and a trial whose
     * train loss still falls while its eval loss rises is overfitting, which the train curves do not show.
     */
    static Optional<Svg> evalCurves(Diagnosis d) {
        List<Trial> trials = d.sweep().stream().filter(t -> t.evalLoss().isPresent())
                .sorted(Comparator.comparingDouble(Trial::learningRate)).toList();
        if (trials.isEmpty()) {
            return Optional.empty();
        }
        SvgLineChart chart = new SvgLineChart().size(860, 440).title("Eval loss by learning rate")
                .xLabel("step").yLabel("eval loss").yScale(ScaleType.LOG);
        for (Trial trial : trials) {
            chart.series("lr = " + Markup.number(trial.learningRate()), trial.evalLoss().orElseThrow());
        }
        return Optional.of(chart.toSvg());
    }

    /**
     * The clipping run's gradient norm against step with the recommended threshold: where the norms cross it is
     * where updates are clipped, and a norm that climbs over the run says more than its histogram can.
     */
    static Optional<Svg> gradNormCurve(Diagnosis d) {
        Optional<ClippingAdvice> advice = d.clipping();
        Optional<ScalarSeries> norms = advice.flatMap(c -> d.sweep().stream().filter(t -> t.run().equals(c.run()))
                .findFirst()).flatMap(Trial::gradNorm);
        if (advice.isEmpty() || norms.isEmpty()) {
            return Optional.empty();
        }
        ClippingAdvice c = advice.get();
        return Optional.of(new SvgLineChart().size(860, 360).title("Gradient norm of " + c.run() + " by step")
                .xLabel("step").yLabel(norms.get().tag()).yScale(ScaleType.LOG).series(c.run(), norms.get())
                .threshold(c.threshold(), "p" + Text.number(c.percentile()) + " = " + Text.number(c.threshold()))
                .toSvg());
    }

    /** The clipping run's gradient norms as a histogram, with the threshold and the share above it. */
    static Optional<Svg> gradNormHistogram(Diagnosis d) {
        Optional<ClippingAdvice> advice = d.clipping();
        Optional<ScalarSeries> norms = advice.flatMap(c -> d.sweep().stream().filter(t -> t.run().equals(c.run()))
                .findFirst()).flatMap(Trial::gradNorm);
        if (advice.isEmpty() || norms.isEmpty()) {
            return Optional.empty();
        }
        double[] values = java.util.Arrays.stream(norms.get().valuesCopy()).filter(Double::isFinite).toArray();
        Buckets buckets = Buckets.of(values, HISTOGRAM_BUCKETS);
        ClippingAdvice c = advice.get();
        return Optional.of(new SvgHistogramChart().title("Gradient norms of " + c.run() + " (" + values.length
                + " steps)").xLabel(norms.get().tag()).yLabel("steps").bars(buckets.edges(), buckets.counts()).threshold(c.threshold(),
                "p" + Text.number(c.percentile()) + " = " + Text.number(c.threshold()) + ", "
                        + Text.percent(c.clippedFraction()) + " above")
                .toSvg());
    }
}
