package dev.tunescope.study;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a study will run: its kind, the workload (or external command) it trains, and its trials in order.
 *
 * @param workload what {@code study.json} records of the workload or command
 * @param why      one sentence on where the plan came from (e.g. "base_lr = 10 x unstable_base_lr 0.316")
 * @param from     the sweep folder the plan was derived from, when it was
 */
public record StudyPlan(StudyKind kind, Map<String, Object> workload, List<TrialPlan> trials, String why,
                        java.util.Optional<java.nio.file.Path> from) {

    public StudyPlan(StudyKind kind, Map<String, Object> workload, List<TrialPlan> trials, String why) {
        this(kind, workload, trials, why, java.util.Optional.empty());
    }

    /** The same plan, recorded as derived from {@code sweep}. */
    public StudyPlan from(java.nio.file.Path sweep) {
        return new StudyPlan(kind, workload, trials, why, java.util.Optional.of(sweep));
    }

    /**
     * Each trial once per seed ({@code lr_1.00e-02_seed_2}, its settings with {@code seed}); one seed leaves the
     * plan as it is, so a study's trial names (and its resume) do not change with the default.
     */
    public StudyPlan withSeeds(List<Long> seeds) {
        if (seeds.size() <= 1) {
            return this;
        }
        List<TrialPlan> seeded = new java.util.ArrayList<>();
        for (TrialPlan trial : trials) {
            for (long seed : seeds) {
                Map<String, Number> settings = new java.util.LinkedHashMap<>(trial.settings());
                settings.put("seed", seed);
                seeded.add(new TrialPlan(trial.name() + "_seed_" + seed, settings));
            }
        }
        return new StudyPlan(kind, workload, seeded, why + ", " + seeds.size() + " seeds " + seeds, from);
    }

    public StudyPlan {
        trials = List.copyOf(trials);
        workload = Map.copyOf(workload);
        Set<String> names = new HashSet<>();
        for (TrialPlan trial : trials) {
            if (!names.add(trial.name())) {
                throw new IllegalArgumentException("two trials are named " + trial.name());
            }
        }
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a study needs at least one trial");
        }
    }
}
