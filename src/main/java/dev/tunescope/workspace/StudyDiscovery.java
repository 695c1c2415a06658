package dev.tunescope.workspace;

import dev.tunescope.run.HyperparameterNames;
import dev.tunescope.run.MetricAliases;
import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import dev.tunescope.run.StudyDeclaration;
import dev.tunescope.run.StudyKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sorts the runs of an opened folder into studies. Runs that share a parent folder are one study, unless they train
 * different models, data or optimizers (then one study per group, see {@link StudySplitter}); copies of one run in
 * several formats are one trial ({@link RunCopies}). A study's kind comes from its folder's {@code study.json},
 * else from a {@code study} setting all its runs record, else from what varies among them ({@link KindInference}).
 * Studies never mix runs of two folders: a study refers to another only where its {@code study.json} names it in
 * {@code from}.
 *
 * <p>One case is split further: a folder that holds an LR sweep and, beside it, warmup (or clipping) trials at some
 * of its rates, as people often keep them, becomes the sweep and a warmup (or clipping) study that refers to it, so
 * that the sweep's trials are twins and references, not warmup trials.
 */
public final class StudyDiscovery {
    /** Below this many learning rates, no-warmup trials are the study's twins rather than a sweep of their own. */
    static final int SWEEP_RATES = 3;

    private StudyDiscovery() {
    }

    /**
     * @param runs         every run read under the opened folder, paths relative to it
     * @param declarations what each folder's {@code study.json} says (by folder path, "." for the opened folder)
     * @param rootName     the opened folder's own name, for a study that lives in it
     */
    public static List<Study> discover(List<Run> runs, Function<String, StudyDeclaration> declarations,
                                       String rootName, MetricAliases aliases) {
        Map<String, List<RunCopies.Merged>> byFolder = new TreeMap<>();
        for (RunCopies.Merged merged : RunCopies.merge(runs)) {
            byFolder.computeIfAbsent(parentOf(merged.run().path()), f -> new ArrayList<>()).add(merged);
        }
        List<Study> studies = new ArrayList<>();
        byFolder.forEach((folder, members) -> studies.addAll(studiesIn(folder, members, declarations.apply(folder),
                folder.equals(".") ? rootName : lastSegment(folder), aliases)));
        return studies;
    }

    private static List<Study> studiesIn(String folder, List<RunCopies.Merged> members, StudyDeclaration declaration,
                                         String name, MetricAliases aliases) {
        List<RunSettings> settings = members.stream().map(m -> RunSettings.of(m.run(), aliases)).toList();
        Map<String, String> copyNotes = new LinkedHashMap<>();
        members.stream().filter(m -> !m.note().isEmpty()).forEach(m -> copyNotes.put(m.run().path(), m.note()));
        Optional<String> basedOn = declaration.from().map(from -> resolve(folder, from));
        List<StudySplitter.Group> groups = StudySplitter.split(settings);
        List<Study> out = new ArrayList<>();
        for (StudySplitter.Group group : groups) {
            String id = group.splitBy().isEmpty() ? folder : folder + " [" + group.splitBy().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + "]";
            List<String> notes = new ArrayList<>();
            group.runs().forEach(r -> Optional.ofNullable(copyNotes.get(r.run().path())).ifPresent(notes::add));
            if (groups.size() > 1) {
                notes.add(folder + " holds runs of " + groups.size() + " set-ups (they differ in "
                        + String.join(", ", group.splitBy().keySet()) + "): one study each.");
            }
            KindInference.Inferred kind = declared(declaration, group.runs()).orElseGet(() ->
                    KindInference.infer(group.runs()));
            StudyPart parts = separateSweep(kind, group.runs());
            if (parts.sweep().isEmpty()) {
                out.add(study(id, folder, name, kind, basedOn, group, group.runs(), declaration, notes));
                continue;
            }
            String sweepId = id + " (sweep)";
            List<String> sweepNotes = new ArrayList<>(notes);
            sweepNotes.add(folder + " holds an LR sweep and " + kind.kind().id() + " trials beside it: two studies,"
                    + " the " + kind.kind().id() + " study judged against the sweep.");
            out.add(study(sweepId, folder, name, new KindInference.Inferred(StudyKind.LR_SWEEP,
                    "its runs without " + kind.kind().id() + " vary the learning rate", true), Optional.empty(), group,
                    parts.sweep(), declaration, sweepNotes));
            out.add(study(id, folder, name, kind, Optional.of(sweepId), group, parts.study(), declaration, sweepNotes));
        }
        return out;
    }

    private static Study study(String id, String folder, String name, KindInference.Inferred kind,
                               Optional<String> basedOn, StudySplitter.Group group, List<RunSettings> runs,
                               StudyDeclaration declaration, List<String> notes) {
        List<Run> members = runs.stream().map(RunSettings::run).toList();
        return new Study(id, folder, name, kind.kind(), kind.reason(), basedOn, group.splitBy(),
                declaration.maxTrainSteps(), members, notes, false);
    }

    /** The kind study.json names, else the one every run's {@code study} setting names. */
    private static Optional<KindInference.Inferred> declared(StudyDeclaration declaration, List<RunSettings> runs) {
        Optional<KindInference.Inferred> fromFile = declaration.kind().flatMap(StudyKind::named)
                .map(k -> KindInference.Inferred.declared(k, "study.json says " + declaration.kind().get()));
        if (fromFile.isPresent()) {
            return fromFile;
        }
        TreeSet<String> named = runs.stream().map(r -> HyperparameterNames.text(r.run().hyperparameters(),
                HyperparameterNames.STUDY).orElse("")).collect(Collectors.toCollection(TreeSet::new));
        if (named.size() == 1 && !named.first().isEmpty()) {
            return StudyKind.named(named.first()).map(k -> KindInference.Inferred.declared(k,
                    "its runs' study setting says " + named.first()));
        }
        return Optional.empty();
    }

    /** The sweep trials (no warmup, or no clipping) kept apart from a warmup or clipping study, where they form one. */
    record StudyPart(List<RunSettings> sweep, List<RunSettings> study) {
    }

    static StudyPart separateSweep(KindInference.Inferred kind, List<RunSettings> runs) {
        if (!kind.fromDesign() || (kind.kind() != StudyKind.WARMUP && kind.kind() != StudyKind.CLIPPING)) {
            return new StudyPart(List.of(), runs); // declared kinds are taken as they are
        }
        boolean warmup = kind.kind() == StudyKind.WARMUP;
        List<RunSettings> baseline = runs.stream().filter(r -> warmup ? r.warmupSteps() == 0 : r.clip().isEmpty())
                .toList();
        List<RunSettings> treated = runs.stream().filter(r -> !baseline.contains(r)).toList();
        TreeSet<Double> baselineRates = rates(baseline);
        TreeSet<Double> treatedRates = rates(treated);
        if (baselineRates.size() < SWEEP_RATES || baselineRates.size() <= treatedRates.size()) {
            return new StudyPart(List.of(), runs);
        }
        return new StudyPart(baseline, treated);
    }

    private static TreeSet<Double> rates(List<RunSettings> runs) {
        TreeSet<Double> rates = new TreeSet<>();
        runs.forEach(r -> r.learningRate().ifPresent(rates::add));
        return rates;
    }

    static String parentOf(String runPath) {
        int slash = runPath.lastIndexOf('/');
        return slash < 0 ? "." : runPath.substring(0, slash);
    }

    /** {@code from}, written relative to {@code folder}, as a path relative to the opened folder. */
    static String resolve(String folder, String from) {
        String resolved = Path.of(folder).resolve(from).normalize().toString().replace('\\', '/');
        return resolved.isEmpty() ? "." : resolved;
    }

    private static String lastSegment(String folder) {
        int slash = folder.lastIndexOf('/');
        return slash < 0 ? folder : folder.substring(slash + 1);
    }
}
