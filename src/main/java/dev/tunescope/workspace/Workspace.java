package dev.tunescope.workspace;

import dev.tunescope.diagnose.Diagnoser;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.LoadBudget;
import dev.tunescope.io.LoadResult;
import dev.tunescope.io.RunDiscovery;
import dev.tunescope.io.RunLoader;
import dev.tunescope.io.RunSource;
import dev.tunescope.io.StudyDeclarationReader;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything read from one folder, the one way from a folder to its diagnosis: the runs (read once, then re-read as
 * they grow), the studies they form ({@link StudyDiscovery}), the studies outside the folder those name in
 * {@code from} (read only as references), and one diagnosis per study under the settings in force. The command
 * line, the desktop app, the study planner and the exports all start here, so that they agree.
 *
 * @param sources the folder's run sources, kept so that {@link #refresh()} reads only what was appended (empty for
 *                a workspace read once, see {@link #read})
 * @param notices what reading left out, one line each (runs past the heap budget, folders not searched)
 */
public record Workspace(Path folder, List<RunSource> sources, List<Study> studies, List<Diagnosis> diagnoses,
                        DiagnosisSettings settings, List<String> notices) {

    public Workspace {
        sources = List.copyOf(sources);
        studies = List.copyOf(studies);
        diagnoses = List.copyOf(diagnoses);
        notices = List.copyOf(notices);
    }

    /**
     * Reads every run under {@code folder} that fits the heap budget, keeping the sources so that {@link #refresh}
     * reads only what is appended (the app), and diagnoses its studies with {@code settings}.
     */
    public static Workspace open(Path folder, DiagnosisSettings settings) throws IOException {
        return open(folder, settings, partial -> { });
    }

    /**
     * As {@link #open(Path, DiagnosisSettings)}, handing {@code partial} workspaces of the runs read so far (studies
     * but no diagnoses; their one notice says how far reading is) while the folder is read, on the reading thread.
     * {@code partial} may throw an unchecked exception (a cancellation) to stop the reading.
     */
    public static Workspace open(Path folder, DiagnosisSettings settings, Consumer<Workspace> partial)
            throws IOException {
        exists(folder);
        List<RunSource> sources = RunDiscovery.discover(folder);
        LoadResult loaded = RunLoader.refreshAll(folder, sources, LoadBudget.ofHeap(),
                new PartialReading(folder, settings, partial, System::nanoTime));
        return diagnosed(folder, sources, loaded.runs(), loaded.notices(), settings);
    }

    /** The runs read so far, grouped into studies and not diagnosed, for showing while the rest are read. */
    static Workspace undiagnosed(Path folder, List<Run> runs, DiagnosisSettings settings, String notice) {
        return new Workspace(folder, List.of(), discover(folder, runs, settings), List.of(), settings,
                List.of(notice));
    }

    /**
     * Reads the folder once, each run's source let go as soon as it is read (the command line: 100,000 sources held
     * open would take twice what their runs hold), and diagnoses its studies.
     */
    public static Workspace read(Path folder, DiagnosisSettings settings) throws IOException {
        exists(folder);
        LoadResult loaded = RunLoader.load(folder);
        return diagnosed(folder, List.of(), loaded.runs(), loaded.notices(), settings);
    }

    private static void exists(Path folder) throws NoSuchFileException {
        if (!Files.exists(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such file or folder");
        }
    }

    /** The same folder read again: new runs found, appended records read, then diagnosed again. */
    public Workspace refresh() throws IOException {
        return refresh(settings);
    }

    /** The same folder read again and diagnosed with {@code changed} settings. */
    public Workspace refresh(DiagnosisSettings changed) throws IOException {
        List<RunSource> current = RunDiscovery.discover(folder);
        if (lostAny(current)) {
            // Looked for once more before a run is dropped, with all it read: over a remote file system, a folder
            // whose listing died with the connection looks empty, and the second walk runs on the re-opened one.
            current = RunDiscovery.discover(folder);
        }
        List<RunSource> kept = current.stream().map(found -> sources.stream()
                .filter(old -> old.path().equals(found.path()) && old.format() == found.format()).findFirst()
                .orElse(found)).toList();
        return of(folder, kept, changed);
    }

    /** Whether a run this workspace holds is not among {@code found}. */
    private boolean lostAny(List<RunSource> found) {
        Set<String> there = new HashSet<>();
        found.forEach(source -> there.add(source.format() + " " + source.path()));
        return sources.stream().anyMatch(old -> !there.contains(old.format() + " " + old.path()));
    }

    /** The same runs, diagnosed with other settings (nothing read again). */
    public Workspace withSettings(DiagnosisSettings changed) {
        return new Workspace(folder, sources, studies, Diagnoser.diagnoseAll(studies, changed), changed, notices);
    }

    private static Workspace of(Path folder, List<RunSource> sources, DiagnosisSettings settings) throws IOException {
        LoadResult loaded = RunLoader.refreshAll(folder, sources, LoadBudget.ofHeap());
        return diagnosed(folder, sources, loaded.runs(), loaded.notices(), settings);
    }

    private static Workspace diagnosed(Path folder, List<RunSource> sources, List<Run> runs, List<String> notices,
                                       DiagnosisSettings settings) throws IOException {
        List<Study> studies = new ArrayList<>(discover(folder, runs, settings));
        studies.addAll(referencedOutside(folder, studies, settings));
        return new Workspace(folder, sources, studies, Diagnoser.diagnoseAll(studies, settings), settings, notices);
    }

    private static List<Study> discover(Path folder, List<Run> runs, DiagnosisSettings settings) {
        Path root = Files.isRegularFile(folder) ? folder.toAbsolutePath().getParent() : folder.toAbsolutePath();
        Path name = root.normalize().getFileName();
        return StudyDiscovery.discover(runs, path -> StudyDeclarationReader.read(root.resolve(path)),
                name == null ? root.toString() : name.toString(), settings.aliases());
    }

    /**
     * The studies outside the opened folder that studies in it name in {@code from} (a warmup study opened on its
     * own still needs its sweep: its trials are judged against the sweep's lr* and twins). Their paths are given
     * relative to the opened folder ({@code ../sweep}); they are references, not diagnosed themselves.
     */
    private static List<Study> referencedOutside(Path folder, List<Study> studies, DiagnosisSettings settings)
            throws IOException {
        List<Study> found = new ArrayList<>();
        Set<String> known = new HashSet<>();
        studies.forEach(s -> known.add(s.path()));
        for (Study study : studies) {
            Optional<String> named = study.basedOn();
            if (named.isEmpty() || known.contains(named.get()) || !named.get().startsWith("..")) {
                continue;
            }
            String prefix = named.get();
            Path sweepDir = folder.resolve(prefix).normalize();
            known.add(prefix);
            if (!Files.isDirectory(sweepDir)) {
                continue;
            }
            List<Run> runs = RunLoader.loadAll(sweepDir);
            for (Study s : discover(sweepDir, runs, settings)) {
                String path = s.path().equals(".") ? prefix : prefix + "/" + s.path();
                String id = s.id().equals(s.path()) ? path : path + s.id().substring(s.path().length());
                found.add(new Study(id, path, s.name(), s.kind(), s.kindReason(), Optional.empty(), s.splitBy(),
                        s.maxTrainSteps(), s.runs().stream().map(r -> relocated(r, prefix)).toList(), s.notes(), true));
            }
        }
        return found;
    }

    /** A run read under another folder, with its path made relative to the opened one. */
    private static Run relocated(Run run, String prefix) {
        return new Run(prefix + "/" + run.path(), run.name(), run.format(), run.status(), run.hyperparameters(),
                run.scalars(), run.histograms(), run.warnings());
    }

    /** The studies read from the opened folder (not the references outside it). */
    public List<Study> ownStudies() {
        return studies.stream().filter(s -> !s.outsideFolder()).toList();
    }

    /** Every run of the opened folder (and its references), by path. */
    public Map<String, Run> runsByPath() {
        Map<String, Run> byPath = new LinkedHashMap<>();
        studies.forEach(s -> s.runs().forEach(r -> byPath.put(r.path(), r)));
        return byPath;
    }

    public int runCount() {
        return ownStudies().stream().mapToInt(s -> s.runs().size()).sum();
    }

    /** Whether a run is still being written (its format says it is running). */
    public boolean live() {
        return ownStudies().stream().flatMap(s -> s.runs().stream()).anyMatch(r -> r.status() == RunStatus.RUNNING);
    }

    /** The diagnosis of the study with this id, or with this folder path where the id does not match. */
    public Optional<Diagnosis> diagnosis(String studyIdOrPath) {
        return diagnoses.stream().filter(d -> d.study().id().equals(studyIdOrPath)).findFirst()
                .or(() -> diagnoses.stream().filter(d -> d.study().path().equals(studyIdOrPath)).findFirst());
    }

    /** The diagnosis of the study a run belongs to. */
    public Optional<Diagnosis> diagnosisOfRun(String runPath) {
        return diagnoses.stream().filter(d -> d.study().runs().stream().anyMatch(r -> r.path().equals(runPath)))
                .findFirst();
    }
}
