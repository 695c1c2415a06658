package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Warmup (RULES.md §2): from a warmup study, the shortest warmup that makes the target learning rate stable;
 * without one, the study to run.
 *
 * <p>The study the playbook prescribes: base_lr = 10 x unstable_base_lr, a linear ramp of warmup_steps then a
 * constant base_lr for 2 x warmup_steps, warmup_steps swept by orders of magnitude (10, 100, 1000, ...) but never
 * beyond 10% of max_train_steps. A needed warmup over 5% of max_train_steps means max_train_steps should grow;
 * warmup added to an existing schedule adds its steps (10,000 + 1,000 warmup = 11,000).
 */
public final class WarmupAdvisor {
    public static final String RULE = "warmup";

    /**
     * @param baseLrMultiplier   the study's target: this many times unstable_base_lr
     * @param maxWarmupShare     warmup grid cap, as a share of max_train_steps
     * @param warningShare       a warmup above this share of max_train_steps calls for more steps
     * @param postWarmupFactor   constant-LR steps after the ramp, per warmup step
     * @param smallestWarmup     the first value of the order-of-magnitude grid
     */
    public record Settings(double baseLrMultiplier, double maxWarmupShare, double warningShare,
                           double postWarmupFactor, long smallestWarmup) {
        public static final Settings DEFAULTS = new Settings(10, 0.10, 0.05, 2, 10);
    }

    /** One trial of a warmup study. */
    public record WarmupTrial(String run, long warmupSteps, boolean stable, OptionalLong firstUnstableStep) {
    }

    /** What a warmup study showed for its target learning rate. */
    public record StudyVerdict(double targetLr, List<WarmupTrial> trials, OptionalLong recommendedWarmup) {
        public boolean rescued() {
            return recommendedWarmup.isPresent();
        }
    }

    /** The warmup study to run next. */
    public record StudyPlan(double baseLr, List<Long> warmupSteps, List<Long> postWarmupSteps, long maxTrainSteps) {
    }

    /**
     * @param scheduleSteps max_train_steps plus the recommended warmup, when one is recommended
     */
    public record WarmupAdvice(Optional<StudyVerdict> verdict, Optional<StudyPlan> plan, OptionalLong scheduleSteps,
                               List<Finding> findings) {
    }

    private WarmupAdvisor() {
    }

    /**
     * Reads a warmup study: trials at one learning rate with different warmups (a warmup of 0 is the no-warmup
     * twin, when present).
     */
    public static WarmupAdvice fromStudy(List<TrialStability> trials, long maxTrainSteps, Settings settings) {
        double target = trials.stream().mapToDouble(TrialStability::learningRate).max().orElse(Double.NaN);
        List<WarmupTrial> atTarget = trials.stream().filter(t -> t.learningRate() == target)
                .sorted(Comparator.comparingLong(TrialStability::warmupSteps))
                .map(t -> new WarmupTrial(t.run(), t.warmupSteps(), !t.unstable(), t.firstUnstableStep())).toList();
        OptionalLong shortest = atTarget.stream().filter(WarmupTrial::stable).mapToLong(WarmupTrial::warmupSteps)
                .min();
        StudyVerdict verdict = new StudyVerdict(target, atTarget, shortest);
        List<Finding> findings = new ArrayList<>();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("target_lr", target);
        numbers.put("max_train_steps", (double) maxTrainSteps);
        List<String> runs = atTarget.stream().map(WarmupTrial::run).toList();
        List<Mark> marks = atTarget.stream().filter(t -> t.firstUnstableStep().isPresent())
                .map(t -> Mark.point(t.run(), "train loss", t.firstUnstableStep().getAsLong(), Double.NaN)).toList();
        OptionalLong scheduleSteps = OptionalLong.empty();
        if (shortest.isPresent()) {
            long warmup = shortest.getAsLong();
            numbers.put("recommended_warmup_steps", (double) warmup);
            scheduleSteps = OptionalLong.of(maxTrainSteps + warmup);
            Evidence evidence = new Evidence(runs, marks, numbers);
            findings.add(new Finding(RULE, Severity.INFO, "A warmup of " + warmup + " steps makes lr "
                    + Text.number(target) + " stable: the shortest stable warmup of " + atTarget.size()
                    + " tried. Added to a " + maxTrainSteps + "-step schedule it makes " + (maxTrainSteps + warmup)
                    + " steps.", evidence));
            if (warmup > settings.warningShare() * maxTrainSteps) {
                findings.add(new Finding(RULE, Severity.ADVICE, "The warmup is " + Text.percent(
                        (double) warmup / maxTrainSteps) + " of max_train_steps (over " + Text.percent(
                        settings.warningShare()) + "): increase max_train_steps, to at least "
                        + (long) Math.ceil(warmup / settings.warningShare()) + ".", evidence));
            }
        } else {
            String tried = atTarget.stream().map(t -> Long.toString(t.warmupSteps()))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            findings.add(new Finding(RULE, Severity.WARNING, "Warmup did not rescue lr " + Text.number(target)
                    + ": no warmup tried (" + tried + " steps) made it stable; warmup only delayed the instability"
                    + " (first unstable steps " + atTarget.stream().filter(t -> t.firstUnstableStep().isPresent())
                    .map(t -> Long.toString(t.firstUnstableStep().getAsLong())).reduce((a, b) -> a + ", " + b)
                    .orElse("-") + "). Next, per the playbook: gradient clipping, another optimizer, architecture"
                    + " changes, and only last a lower learning rate.", new Evidence(runs, marks, numbers)));
        }
        return new WarmupAdvice(Optional.of(verdict), Optional.empty(), scheduleSteps, findings);
    }

    /** The warmup study the playbook prescribes, for a workload unstable from {@code unstableBaseLr}. */
    public static WarmupAdvice propose(double unstableBaseLr, long maxTrainSteps, Settings settings) {
        long cap = (long) Math.floor(settings.maxWarmupShare() * maxTrainSteps);
        List<Long> grid = new ArrayList<>();
        for (long w = settings.smallestWarmup(); w <= cap; w *= 10) {
            grid.add(w);
        }
        if (cap >= 1 && (grid.isEmpty() || grid.get(grid.size() - 1) < cap)) {
            grid.add(cap); // the largest warmup allowed closes the grid
        }
        List<Long> post = grid.stream().map(w -> Math.round(settings.postWarmupFactor() * w)).toList();
        double baseLr = settings.baseLrMultiplier() * unstableBaseLr;
        StudyPlan plan = new StudyPlan(baseLr, grid, post, maxTrainSteps);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("unstable_base_lr", unstableBaseLr);
        numbers.put("base_lr", baseLr);
        numbers.put("max_train_steps", (double) maxTrainSteps);
        numbers.put("warmup_cap", (double) cap);
        String message = grid.isEmpty()
                ? "max_train_steps (" + maxTrainSteps + ") is too short for a warmup study: 10% of it is under one step."
                : "Run a warmup study: base_lr = " + Text.number(baseLr) + " (" + Text.number(
                settings.baseLrMultiplier()) + " x unstable_base_lr " + Text.number(unstableBaseLr)
                + "), warmup_steps " + grid + " (at most " + Text.percent(settings.maxWarmupShare())
                + " of " + maxTrainSteps + " steps), each followed by " + Text.number(settings.postWarmupFactor())
                + " x warmup_steps at base_lr; keep the shortest warmup that is stable.";
        Finding finding = new Finding(RULE, Severity.ADVICE, message, new Evidence(List.of(), List.of(), numbers));
        return new WarmupAdvice(Optional.empty(), Optional.of(plan), OptionalLong.empty(), List.of(finding));
    }
}
