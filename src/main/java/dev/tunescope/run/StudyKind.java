package dev.tunescope.run;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a study is for, which decides how its trials are judged. {@link #id()} is the name in {@code diagnose
 * --json}; {@code study.json} and a run's {@code study} hyperparameter may also use the older names in
 * {@link #aliases()} ({@code clip}, {@code instability-probe}).
 */
public enum StudyKind {
    /** Learning rates vary: lr*, and which larger rates are unstable (RULES.md §1). */
    LR_SWEEP("lr-sweep", "sweep", "lr_sweep"),
    /** Warmup lengths vary, at one or more learning rates (RULES.md §2). */
    WARMUP("warmup", "warmup-study"),
    /** Clipping thresholds vary, usually beside an unclipped twin (RULES.md §3). */
    CLIPPING("clipping", "clip", "clip-study"),
    /** A short run at 2 x lr* evaluated often: is the workload unstable early (RULES.md §1)? */
    PROBE("probe", "instability-probe", "early-instability-probe"),
    /** Batch sizes vary and throughput is logged (RULES.md §5). */
    BATCH_PROBE("batch-probe", "batch"),
    /** Run lengths vary at one learning rate (RULES.md §4). */
    STEPS("steps", "run-length"),
    /** A recommended config trained beside lr*, per seed: is it better beyond the seeds' spread? */
    VERIFY("verify", "verification"),
    /** Runs with no study design Tunescope recognises: each is judged on its own. */
    RUNS("runs");

    private final String id;
    private final List<String> aliases;

    StudyKind(String id, String... aliases) {
        this.id = id;
        this.aliases = List.of(aliases);
    }

    public String id() {
        return id;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The kind a {@code study.json} or {@code study} hyperparameter names, by id or alias, case folded. */
    public static Optional<StudyKind> named(String name) {
        String folded = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(k -> k.id.equals(folded) || k.aliases.contains(folded)).findFirst();
    }
}
