package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Text;
import dev.tunescope.diagnose.TrialStability;
import dev.tunescope.plot.RunColors;
import dev.tunescope.plot.RunLabels;
import dev.tunescope.plot.StepMarks;
import dev.tunescope.plot.XAxis;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.MetricRole;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.Study;
import dev.tunescope.ui.chart.Marker;
import dev.tunescope.ui.chart.NamedSeries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the curves chart shows for a selection: the metric chooser's entries (the playbook's roles, then every
 * scalar tag the selected runs logged), one series per selected run that has the metric, labelled so that no two
 * runs share a label and coloured by run path so a run keeps its colour across selections, and a marker per first
 * unstable step. No scene graph: the chart draws what this computes.
 */
public final class CurvesModel {
    /** The roles offered first, in the playbook's order. */
    public static final List<MetricRole> ROLES = List.of(MetricRole.TRAIN_LOSS, MetricRole.EVAL_LOSS,
            MetricRole.GRAD_NORM, MetricRole.LEARNING_RATE);

    private final MetricAliases aliases;
    private final RunColors colors = new RunColors();

    public CurvesModel(MetricAliases aliases) {
        this.aliases = aliases;
    }

    /** A role as the chooser names it: "train loss". */
    public static String name(MetricRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The metric chooser's entries: the roles, then every scalar tag of the runs, sorted. */
    public static List<String> choices(List<Run> runs) {
        Set<String> choices = new LinkedHashSet<>();
        ROLES.forEach(role -> choices.add(name(role)));
        runs.stream().flatMap(r -> r.scalars().keySet().stream()).sorted().forEach(choices::add);
        return List.copyOf(choices);
    }

    /** The series a run has for a chooser entry: a role through the aliases, else the tag itself. */
    public Optional<ScalarSeries> metric(Run run, String choice) {
        return ROLES.stream().filter(role -> name(role).equals(choice)).findFirst()
                .map(role -> run.scalar(role, aliases)).orElseGet(() -> run.scalar(choice));
    }

    /** Forgets the run colours: a new folder was opened. */
    public void newFolder() {
        colors.clear();
    }

    /** One series per run that has {@code choice}, labelled and coloured; the studies give the labels context. */
    public List<NamedSeries> series(List<Run> runs, String choice, List<Study> studies) {
        return series(runs, choice, studies, XAxis.STEP);
    }

    /** The same, with x as {@code x} measures it (a run without wall times has no time axis and is left out). */
    public List<NamedSeries> series(List<Run> runs, String choice, List<Study> studies, XAxis x) {
        Map<String, String> studyOf = new TreeMap<>();
        studies.forEach(study -> study.runs().forEach(run -> studyOf.put(run.path(), study.label())));
        Map<String, String> labels = RunLabels.of(runs.stream().map(run -> new RunLabels.Labelled(run.path(),
                studyOf.getOrDefault(run.path(), ""), run.name())).toList());
        List<NamedSeries> series = new ArrayList<>();
        for (Run run : runs) {
            String color = colors.colorOf(run.path()); // assigned even without the metric, so colours stay put
            metric(run, choice).flatMap(x::apply)
                    .ifPresent(s -> series.add(new NamedSeries(labels.get(run.path()), s, color)));
        }
        return List.copyOf(series);
    }

    /** One marker per first unstable step among the selected runs, naming every rate unstable from there. */
    public static List<Marker> markers(Optional<Diagnosis> diagnosis, List<Run> selected) {
        Set<String> paths = new java.util.HashSet<>();
        selected.forEach(run -> paths.add(run.path()));
        List<TrialStability> unstable = diagnosis.flatMap(Diagnosis::instability)
                .map(r -> r.unstable().stream().filter(t -> paths.contains(t.run())).toList()).orElse(List.of());
        return StepMarks.merge(unstable.stream().map(t -> Map.entry(t.firstUnstableStep().orElse(0),
                Text.number(t.learningRate()))).toList(), "lr ", " unstable").stream()
                .map(m -> new Marker(m.step(), m.label())).toList();
    }
}
