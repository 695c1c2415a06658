package dev.tunescope.cli;

import dev.tunescope.diagnose.Diagnoser;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.LoadResult;
import dev.tunescope.io.RunLoader;
import dev.tunescope.io.StudyGrouping;
import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code diagnose} and {@code export} read: the runs under a folder, grouped into studies, with the sweeps
 * those studies were planned from, and one diagnosis per sweep; {@code notices} say what reading left out.
 */
record DiagnosisInput(List<Study> studies, Map<String, Run> runsByPath, List<Diagnoser.StudyDiagnosis> diagnoses,
                      List<String> notices) {

    static DiagnosisInput read(Path root, DiagnosisSettings settings) throws IOException {
        LoadResult loaded = RunLoader.load(root);
        List<Run> runs = loaded.runs();
        List<Study> studies = StudyGrouping.withReferencedSweeps(root, StudyGrouping.group(root, runs));
        Map<String, Run> byPath = new LinkedHashMap<>();
        studies.forEach(s -> s.runs().forEach(r -> byPath.put(r.path(), r)));
        return new DiagnosisInput(studies, byPath, Diagnoser.diagnoseEach(studies, settings), loaded.notices());
    }

    int runCount() {
        return runsByPath.size();
    }
}
