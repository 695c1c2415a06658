package dev.tunescope.workspace;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.export.ConfigSources;
import dev.tunescope.export.RecommendedConfig;
import dev.tunescope.export.RecommendedConfigs;
import dev.tunescope.run.StudyKind;
import dev.tunescope.study.StudyRunner;
import java.util.List;
import java.util.Optional;

/**
 * Which study a recommended config (or report) is made from, and what goes with it: an export centres on one LR
 * sweep (or, without one, a warmup study that made a rate stable), takes the studies that refer to it (warmup,
 * clipping, probe) and the folder's batch probe of the same set-up, under the settings the workspace was
 * diagnosed with.
 */
public final class Recommendation {
    private Recommendation() {
    }

    /** The studies an export could centre on, in the order diagnose lists them. */
    public static List<Diagnosis> candidates(Workspace workspace) {
        List<Diagnosis> sweeps = workspace.diagnoses().stream().filter(d -> d.study().kind() == StudyKind.LR_SWEEP)
                .toList();
        if (!sweeps.isEmpty()) {
            return sweeps;
        }
        return workspace.diagnoses().stream().filter(d -> d.warmup().map(w -> w.recommendedWarmup().isPresent())
                .orElse(false)).toList();
    }

    /** The inputs of a config centred on {@code main}. */
    public static ConfigSources sources(Workspace workspace, Diagnosis main) {
        String id = main.study().id();
        List<Diagnosis> related = workspace.diagnoses().stream()
                .filter(d -> d.judgedAgainst().map(id::equals).orElse(false)).toList();
        List<Diagnosis> probes = workspace.diagnoses().stream().filter(d -> d.study().kind() == StudyKind.BATCH_PROBE
                && d.batch().isPresent()).toList();
        Optional<Diagnosis> probe = probes.stream().filter(d -> sameSetUp(d, main)).findFirst()
                .or(() -> probes.size() == 1 ? Optional.of(probes.get(0)) : Optional.empty());
        return new ConfigSources(main, related, probe, workspace.runsByPath(), workspace.settings());
    }

    /** The config, with the command template the study's trials ran where they ran the user's command. */
    public static Optional<RecommendedConfig> config(Workspace workspace, Diagnosis main, String version,
                                                     String source) {
        Optional<List<String>> command = StudyRunner.recordedCommand(workspace.folder().resolve(main.study().path())
                .normalize());
        return RecommendedConfigs.from(sources(workspace, main), version, source).map(c -> c.withCommand(command));
    }

    /** A batch probe of the same model: the same workload name (or model) recorded, where both record one. */
    private static boolean sameSetUp(Diagnosis probe, Diagnosis main) {
        Optional<String> a = probe.study().runs().stream().findFirst().flatMap(r -> r.hyperparameters().get("workload"))
                .map(v -> v.display());
        Optional<String> b = main.study().runs().stream().findFirst().flatMap(r -> r.hyperparameters().get("workload"))
                .map(v -> v.display());
        return a.isPresent() && a.equals(b);
    }
}
