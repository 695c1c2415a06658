package dev.tunescope.ui;

import dev.tunescope.diagnose.Diagnoser;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.RunLoader;
import dev.tunescope.io.StudyGrouping;
import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything read from one folder: its studies (with the sweeps they were planned from) and one diagnosis per
 * sweep. Made off the FX thread, then handed to the view models whole.
 */
public record Workspace(Path folder, List<Study> studies, List<Diagnoser.StudyDiagnosis> diagnoses) {

    public static Workspace read(Path folder, DiagnosisSettings settings) throws IOException {
        if (!java.nio.file.Files.exists(folder)) {
            throw new java.nio.file.NoSuchFileException(folder.toString(), null, "no such folder");
        }
        List<Run> runs = RunLoader.loadAll(folder);
        List<Study> studies = StudyGrouping.withReferencedSweeps(folder, StudyGrouping.group(folder, runs));
        return new Workspace(folder, studies, Diagnoser.diagnoseEach(studies, settings));
    }

    public int runCount() {
        return studies.stream().mapToInt(s -> s.runs().size()).sum();
    }
}
