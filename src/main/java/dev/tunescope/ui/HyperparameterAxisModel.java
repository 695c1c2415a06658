package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.LrStarRule;
import dev.tunescope.diagnose.Text;
import dev.tunescope.export.MarkerStyle;
import dev.tunescope.plot.ScaleType;
import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import dev.tunescope.ui.chart.ScatterCanvas;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hyperparameter axis plot's content: each sweep trial's best loss against a hyperparameter (learning rate by
 * default, on a log axis where every value is positive), lr* highlighted, unstable trials set apart, the boundary
 * verdict as a note, and which numeric hyperparameters the runs have (the chooser's entries).
 *
 * @param points  one per trial with a finite value of the hyperparameter
 * @param runs    the run path of each point, in the same order (hover names it, a click selects it)
 * @param names   the numeric hyperparameters of the sweep's runs
 */
public record HyperparameterAxisModel(List<ScatterCanvas.Point> points, List<String> runs, ScaleType xType,
                                      String xLabel, String yLabel, String note, List<String> names) {

    /** What hovering point {@code i} says: "post-ln-lr-sweep/lr_1.00e-02: lr = 0.01, best eval loss = 2.134". */
    public String describe(int i) {
        ScatterCanvas.Point p = points.get(i);
        return runs.get(i) + ": " + xLabel + " = " + Text.number(p.x()) + ", " + yLabel + " = " + Text.number(p.y());
    }

    public static HyperparameterAxisModel of(Optional<Diagnosis> diagnosis, List<Study> studies, String name) {
        Optional<LrStarRule.LrStar> star = diagnosis.flatMap(Diagnosis::lrStar);
        Map<String, Double> best = new HashMap<>();
        star.ifPresent(s -> s.ranking().forEach(r -> best.put(r.run(), r.score())));
        Set<String> unstable = new HashSet<>();
        diagnosis.flatMap(Diagnosis::instability).ifPresent(r -> r.unstable().forEach(t -> unstable.add(t.run())));
        Map<String, Run> byPath = new HashMap<>();
        studies.forEach(st -> st.runs().forEach(r -> byPath.put(r.path(), r)));
        Set<String> names = new TreeSet<>();
        List<ScatterCanvas.Point> points = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        for (var trial : diagnosis.map(Diagnosis::sweep).orElse(List.of())) {
            Run run = byPath.get(trial.run());
            if (run != null) {
                run.hyperparameters().values().forEach((k, v) -> v.asNumber().ifPresent(n -> names.add(k)));
            }
            double x = name.equals("lr") ? trial.learningRate()
                    : Optional.ofNullable(run).flatMap(r -> r.hyperparameters().number(name)).orElse(Double.NaN);
            if (!Double.isFinite(x)) {
                continue;
            }
            boolean isStar = star.map(s -> s.run().equals(trial.run())).orElse(false);
            MarkerStyle style = isStar ? MarkerStyle.HIGHLIGHTED
                    : unstable.contains(trial.run()) ? MarkerStyle.DISTINCT : MarkerStyle.NORMAL;
            points.add(new ScatterCanvas.Point(x, best.getOrDefault(trial.run(), Double.NaN), style,
                    isStar ? "lr*" : ""));
            runs.add(trial.run());
        }
        boolean positive = points.stream().allMatch(p -> p.x() > 0);
        String note = star.map(s -> switch (s.boundary()) {
            case INTERIOR -> "lr* = " + Text.number(s.value()) + " is inside the searched range.";
            case LOWEST, HIGHEST -> "lr* = " + Text.number(s.value())
                    + " is at the edge of the searched range: the sweep is inconclusive, extend it.";
            case SINGLE_LEARNING_RATE -> "Only one learning rate was tried.";
        }).orElse("") + "   (blue dot: trial, large orange dot: lr*, hollow triangle: unstable)";
        return new HyperparameterAxisModel(List.copyOf(points), List.copyOf(runs),
                positive ? ScaleType.LOG : ScaleType.LINEAR, name,
                "best " + star.map(LrStarRule.LrStar::metric).orElse("loss"), note,
                names.isEmpty() ? List.of("lr") : List.copyOf(names));
    }
}
