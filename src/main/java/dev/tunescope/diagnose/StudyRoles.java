package dev.tunescope.diagnose;

import dev.tunescope.run.Run;
import dev.tunescope.run.Study;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts the runs of some studies into the parts the rules read. A study's {@code kind} (from Tunescope's
 * {@code study.json}) decides where it has one; in a plain folder, a trial with a warmup belongs to a warmup study
 * and one without to the LR sweep.
 */
record StudyRoles(List<Trial> sweep, List<Trial> warmup, List<Trial> probes, List<Run> batchProbe) {
    static final String LR_SWEEP = "lr-sweep";
    static final String WARMUP = "warmup";
    static final String PROBE = "instability-probe";
    static final String BATCH = "batch-probe";
    /** Studies the rules do not read yet: their runs are not sweep trials. */
    static final Set<String> NOT_READ = Set.of("clip", "steps");

    static StudyRoles of(List<Study> studies, DiagnosisSettings settings) {
        List<Trial> sweep = new ArrayList<>();
        List<Trial> warmup = new ArrayList<>();
        List<Trial> probes = new ArrayList<>();
        List<Run> batch = new ArrayList<>();
        for (Study study : studies) {
            String kind = study.kind().orElse("");
            if (kind.equals(BATCH)) {
                batch.addAll(study.runs());
                continue;
            }
            if (NOT_READ.contains(kind)) {
                continue;
            }
            for (Run run : study.runs()) {
                Optional<Trial> trial = TrialExtraction.from(run, settings.aliases());
                if (trial.isEmpty()) {
                    continue;
                }
                Trial t = trial.get();
                if (kind.equals(PROBE)) {
                    probes.add(t);
                } else if (kind.equals(WARMUP) || (!kind.equals(LR_SWEEP) && t.warmupSteps() > 0)) {
                    warmup.add(t);
                } else {
                    sweep.add(t);
                }
            }
        }
        return new StudyRoles(sweep, warmup, probes, batch);
    }
}
