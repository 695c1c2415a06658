package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnoser;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.RunDiscovery;
import dev.tunescope.io.RunSource;
import dev.tunescope.io.StudyGrouping;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.Study;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything read from one folder: its studies (with the sweeps they were planned from) and one diagnosis per
 * sweep. Made off the FX thread, then handed to the view models whole. It keeps the folder's run sources, so that
 * {@link #refresh} reads only what runs still being written have appended since.
 */
public record Workspace(Path folder, List<RunSource> sources, List<Study> studies,
                        List<Diagnoser.StudyDiagnosis> diagnoses) {

    public static Workspace read(Path folder, DiagnosisSettings settings) throws IOException {
        if (!Files.exists(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        return of(folder, RunDiscovery.discover(folder), settings);
    }

    /** The same folder read again: new runs found, appended records read, then diagnosed again. */
    public Workspace refresh(DiagnosisSettings settings) throws IOException {
        List<RunSource> current = RunDiscovery.discover(folder);
        List<RunSource> kept = current.stream().map(found -> sources.stream()
                .filter(old -> old.path().equals(found.path()) && old.format() == found.format()).findFirst()
                .orElse(found)).toList();
        return of(folder, kept, settings);
    }

    private static Workspace of(Path folder, List<RunSource> sources, DiagnosisSettings settings) throws IOException {
        List<Run> runs = sources.stream().map(RunSource::refresh).toList();
        List<Study> studies = StudyGrouping.withReferencedSweeps(folder, StudyGrouping.group(folder, runs));
        return new Workspace(folder, sources, studies, Diagnoser.diagnoseEach(studies, settings));
    }

    /** The same runs, diagnosed with other settings (nothing read again). */
    public Workspace withDiagnoses(DiagnosisSettings settings) {
        return new Workspace(folder, sources, studies, Diagnoser.diagnoseEach(studies, settings));
    }

    public int runCount() {
        return studies.stream().mapToInt(s -> s.runs().size()).sum();
    }

    /** Whether a run is still being written (its format says it is running). */
    public boolean live() {
        return studies.stream().flatMap(s -> s.runs().stream()).anyMatch(r -> r.status() == RunStatus.RUNNING);
    }
}
