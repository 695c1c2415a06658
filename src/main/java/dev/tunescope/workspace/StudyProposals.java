package dev.tunescope.workspace;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.run.StudyKind;
import dev.tunescope.study.StudyFromDiagnosis;
import dev.tunescope.study.StudyRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Plans the studies a sweep's diagnosis proposes, from the same pipeline the command line and the app diagnose
 * with, under the settings in force (so that a study planned from the app uses the verdicts on screen).
 */
public final class StudyProposals {
    private StudyProposals() {
    }

    /** The planner for the LR sweep in {@code sweepDir}, diagnosed with {@code settings}. */
    public static StudyFromDiagnosis from(Path sweepDir, DiagnosisSettings settings) throws IOException {
        return from(Workspace.read(sweepDir, settings), sweepDir);
    }

    /** The planner for the one LR sweep of an opened folder. */
    public static StudyFromDiagnosis from(Workspace workspace, Path sweepDir) {
        List<Diagnosis> sweeps = workspace.diagnoses().stream().filter(d -> d.study().kind() == StudyKind.LR_SWEEP)
                .toList();
        if (sweeps.size() != 1) {
            throw new IllegalArgumentException(sweepDir + (sweeps.isEmpty() ? " holds no LR sweep"
                    : " holds " + sweeps.size() + " LR sweeps (" + sweeps.stream().map(d -> d.study().id())
                    .collect(Collectors.joining(", ")) + "); name the folder of one") + " to plan a study from");
        }
        return StudyFromDiagnosis.of(sweepDir, sweeps.get(0), workspace.settings());
    }

    /** How the sweep a planner plans from was trained (see {@link SweepSetUp}). */
    public static SweepSetUp setUp(StudyFromDiagnosis planner, Path sweepDir, DiagnosisSettings settings) {
        return SweepSetUp.of(sweepDir.toString(), planner.diagnosis().study().runs(),
                StudyRunner.recordedCommand(sweepDir), settings.aliases());
    }

    /** The planner for one study of an opened folder (the app's selection). */
    public static StudyFromDiagnosis from(Workspace workspace, Diagnosis sweep) {
        return StudyFromDiagnosis.of(workspace.folder().resolve(sweep.study().path()).normalize(), sweep,
                workspace.settings());
    }
}
