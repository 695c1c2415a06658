package dev.tunescope.export;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.run.Run;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a recommended config is made from: the study it centres on (an LR sweep, or a warmup study that made a
 * rate stable), the studies that refer to it (warmup, clipping, probe), a batch probe of the same set-up, the runs
 * by path (for the settings the lr* run recorded), and the rule settings in force.
 */
public record ConfigSources(Diagnosis main, List<Diagnosis> related, Optional<Diagnosis> batchProbe,
                            Map<String, Run> runs, DiagnosisSettings settings) {
    public ConfigSources {
        related = List.copyOf(related);
        runs = Map.copyOf(runs);
    }
}
