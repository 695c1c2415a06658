package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Warmup (RULES.md §2): from a warmup study, for every base learning rate in it, which warmup lengths made it stable
 * and the shortest one; without a study, the study to run.
 *
 * <p>A warmup trial rescues its rate when it is stable where the rate's no-warmup twin (in the study, or at the
 * same rate in the sweep the study refers to) is unstable, it ran long enough to show it (past its ramp by as many
 * steps as the twin needed to show its instability; twice the warmup where there is no twin, the playbook's
 * post-warmup length), and it trains: it does not end far above the study's reference at equal steps (more than
 * the plateau gap of what the reference learned), which a trial that only escaped its plateau late does. A stable
 * trial that ended sooner is "too short to tell".
 *
 * <p>The playbook's limits apply to the answer: a warmup above 10% of max_train_steps lies outside the study's
 * design; above 5% of it, max_train_steps should grow (to at least warmup / 5%); warmup added to a schedule adds
 * its steps (10,000 + 1,000 warmup = 11,000).
 */
public final class WarmupAdvisor {
    public static final String RULE = "warmup";

    /**
     * @param baseLrMultiplier   the proposed study's target: this many times unstable_base_lr
     * @param maxWarmupShare     warmup grid cap, as a share of max_train_steps
     * @param warningShare       a warmup above this share of max_train_steps calls for more steps
     * @param postWarmupFactor   constant-LR steps after the ramp, per warmup step (at least)
     * @param smallestWarmup     the first value of the order-of-magnitude grid
     */
    public record Settings(double baseLrMultiplier, double maxWarmupShare, double warningShare,
                           double postWarmupFactor, long smallestWarmup) {
        public static final Settings DEFAULTS = new Settings(10, 0.10, 0.05, 2, 10);
    }

    /** How a warmup study went at one learning rate. */
    public enum Outcome {
        /** A warmup made the rate stable where its no-warmup twin is not. */
        RESCUED,
        /** Stable with warmup; no run at this rate without warmup to show warmup was needed. */
        STABLE_NO_TWIN,
        /** The rate is stable without warmup. */
        NOT_NEEDED,
        /** Stable-looking warmup trials all ended before the instability could show. */
        TOO_SHORT,
        /** No warmup tried made the rate stable. */
        NOT_RESCUED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One warmup length tried at one rate (0 for the twin).
     *
     * @param conclusive it ran long enough after its ramp to show instability (see the class comment)
     * @param farAbove   it ends far above the study's reference at equal steps: stable, but not trained
     */
    public record WarmupTrial(String run, long warmupSteps, boolean stable, boolean conclusive, boolean farAbove,
                              OptionalLong onsetStep, long lastStep) {
        /** Stable, long enough to tell, and trained as far as the reference. */
        public boolean rescues() {
            return stable && conclusive && !farAbove;
        }
    }

    /** What the playbook's limits say of a warmup length. */
    public record Limits(long warmupSteps, long maxTrainSteps, double share, boolean beyondDesign,
                         OptionalLong raiseMaxTrainStepsTo, long scheduleSteps) {
    }

    /**
     * The verdict at one base learning rate.
     *
     * @param splitSeeds the warmup lengths that rescued some of their seeds but not all (so they are no rescue),
     *                   with their tallies
     */
    public record ByLearningRate(double learningRate, List<WarmupTrial> tried, OptionalLong shortestStable,
                                 Outcome outcome, Optional<String> twin, Optional<Limits> limits,
                                 Map<Long, SeedVotes.Tally> splitSeeds) {
        public ByLearningRate {
            tried = List.copyOf(tried);
            splitSeeds = Map.copyOf(splitSeeds);
        }
    }

    /** The warmup study to run next. */
    public record StudyPlan(double baseLr, List<Long> warmupSteps, List<Long> postWarmupSteps, long maxTrainSteps) {
    }

    /**
     * @param recommendedWarmup the shortest stable warmup at the largest rate a warmup made stable
     * @param scheduleSteps     max_train_steps plus that warmup
     */
    public record WarmupAdvice(List<ByLearningRate> byLearningRate, Optional<StudyPlan> plan,
                               OptionalDouble recommendedLearningRate, OptionalLong recommendedWarmup,
                               OptionalLong scheduleSteps, long maxTrainSteps, List<Finding> findings) {
        public WarmupAdvice {
            byLearningRate = List.copyOf(byLearningRate);
            findings = List.copyOf(findings);
        }

        public boolean rescuedAny() {
            return byLearningRate.stream().anyMatch(b -> b.outcome() == Outcome.RESCUED);
        }

        public boolean failedAny() {
            return byLearningRate.stream().anyMatch(b -> b.outcome() == Outcome.NOT_RESCUED);
        }
    }

    private WarmupAdvisor() {
    }

    /**
     * Reads a warmup study.
     *
     * @param trials the study's trials, judged (warmup 0 among them where the study holds its twins)
     * @param twins  no-warmup trials of the sweep the study refers to, judged; used at rates the study has no
     *               twin for
     */
    public static WarmupAdvice fromStudy(List<JudgedTrial> trials, List<JudgedTrial> twins, long maxTrainSteps,
                                         double farGap, Settings settings) {
        TreeMap<Double, List<JudgedTrial>> byRate = new TreeMap<>();
        trials.stream().filter(t -> t.verdict().warmupSteps() > 0)
                .forEach(t -> byRate.computeIfAbsent(t.verdict().learningRate(), r -> new ArrayList<>()).add(t));
        List<ByLearningRate> verdicts = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Map.Entry<Double, List<JudgedTrial>> rate : byRate.entrySet()) {
            Optional<JudgedTrial> twin = twinAt(rate.getKey(), trials).or(() -> twinAt(rate.getKey(), twins));
            ByLearningRate verdict = atRate(rate.getKey(), rate.getValue(), twin, maxTrainSteps, farGap, settings);
            verdicts.add(verdict);
            findings.addAll(WarmupFindings.of(verdict, settings));
        }
        Optional<ByLearningRate> best = verdicts.stream().filter(v -> v.shortestStable().isPresent()
                && (v.outcome() == Outcome.RESCUED || v.outcome() == Outcome.STABLE_NO_TWIN))
                .max(Comparator.comparingDouble(ByLearningRate::learningRate));
        OptionalLong warmup = best.map(ByLearningRate::shortestStable).orElse(OptionalLong.empty());
        return new WarmupAdvice(verdicts, Optional.empty(),
                best.map(b -> OptionalDouble.of(b.learningRate())).orElse(OptionalDouble.empty()), warmup,
                warmup.isPresent() ? OptionalLong.of(maxTrainSteps + warmup.getAsLong()) : OptionalLong.empty(),
                maxTrainSteps, findings);
    }

    private static Optional<JudgedTrial> twinAt(double lr, List<JudgedTrial> candidates) {
        // With several seeds at the rate, one unstable seed makes the rate unstable: that seed is the twin.
        return candidates.stream().filter(t -> t.verdict().warmupSteps() == 0
                        && LearningRates.same(t.verdict().learningRate(), lr))
                .min(Comparator.comparing(t -> t.verdict().stable()));
    }

    private static ByLearningRate atRate(double lr, List<JudgedTrial> withWarmup, Optional<JudgedTrial> twin,
                                         long maxTrainSteps, double farGap, Settings settings) {
        List<WarmupTrial> tried = new ArrayList<>();
        boolean twinUnstable = twin.map(t -> t.verdict().unstable()).orElse(false);
        twin.ifPresent(t -> tried.add(new WarmupTrial(t.verdict().run(), 0, t.verdict().stable(), true,
                t.farAbove(farGap), t.verdict().onsetStep(), t.lastStep())));
        withWarmup.stream().sorted(Comparator.comparingLong(j -> j.verdict().warmupSteps())).forEach(j -> {
            long w = j.verdict().warmupSteps();
            long needed = w + (twinUnstable ? twin.get().showsAt() - 1 : Math.round(settings.postWarmupFactor() * w));
            tried.add(new WarmupTrial(j.verdict().run(), w, j.verdict().stable(),
                    j.verdict().stable() && j.lastStep() >= needed, j.farAbove(farGap), j.verdict().onsetStep(),
                    j.lastStep()));
        });
        List<WarmupTrial> warmed = tried.stream().filter(t -> t.warmupSteps() > 0).toList();
        Map<Long, SeedVotes.Tally> votes = SeedVotes.bySetting(warmed, WarmupTrial::warmupSteps, WarmupTrial::rescues);
        OptionalLong shortest = votes.entrySet().stream().filter(e -> e.getValue().unanimous())
                .mapToLong(Map.Entry::getKey).min();
        Outcome outcome;
        if (twin.isPresent() && twin.get().verdict().stable()) {
            outcome = Outcome.NOT_NEEDED;
        } else if (shortest.isPresent()) {
            outcome = twin.isPresent() ? Outcome.RESCUED : Outcome.STABLE_NO_TWIN;
        } else if (warmed.stream().anyMatch(t -> t.stable() && !t.conclusive())) {
            outcome = Outcome.TOO_SHORT;
        } else {
            outcome = Outcome.NOT_RESCUED;
        }
        Optional<Limits> limits = shortest.isPresent() && maxTrainSteps > 0
                ? Optional.of(limits(shortest.getAsLong(), maxTrainSteps, settings)) : Optional.empty();
        Map<Long, SeedVotes.Tally> split = new TreeMap<>(votes);
        split.values().removeIf(tally -> !tally.split());
        return new ByLearningRate(lr, tried, outcome == Outcome.NOT_NEEDED ? OptionalLong.empty() : shortest, outcome,
                twin.map(t -> t.verdict().run()), outcome == Outcome.NOT_NEEDED ? Optional.empty() : limits, split);
    }

    static Limits limits(long warmup, long maxTrainSteps, Settings settings) {
        double share = (double) warmup / maxTrainSteps;
        OptionalLong raise = share > settings.warningShare()
                ? OptionalLong.of((long) Math.ceil(warmup / settings.warningShare())) : OptionalLong.empty();
        return new Limits(warmup, maxTrainSteps, share, share > settings.maxWarmupShare(), raise,
                maxTrainSteps + warmup);
    }

    /** The proposed study with no instability step to go by (post-warmup = 2 x warmup). */
    public static WarmupAdvice propose(double unstableBaseLr, long maxTrainSteps, Settings settings) {
        return propose(unstableBaseLr, maxTrainSteps, 0, settings);
    }

    /**
     * The warmup study the playbook prescribes, for a workload unstable from {@code unstableBaseLr}: warmup lengths
     * by orders of magnitude up to 10% of max_train_steps, each followed by at least twice its length at base_lr,
     * and by at least as many steps as the unstable trial needed to show its instability ({@code showsAt}), so that
     * a trial that stays stable says something.
     */
    public static WarmupAdvice propose(double unstableBaseLr, long maxTrainSteps, long showsAt, Settings settings) {
        long cap = (long) Math.floor(settings.maxWarmupShare() * maxTrainSteps);
        List<Long> grid = new ArrayList<>();
        for (long w = settings.smallestWarmup(); w <= cap; w *= 10) {
            grid.add(w);
        }
        if (cap >= 1 && (grid.isEmpty() || grid.get(grid.size() - 1) < cap)) {
            grid.add(cap); // the largest warmup allowed closes the grid
        }
        List<Long> post = grid.stream().map(w -> Math.max(Math.round(settings.postWarmupFactor() * w), showsAt))
                .toList();
        double baseLr = settings.baseLrMultiplier() * unstableBaseLr;
        StudyPlan plan = new StudyPlan(baseLr, grid, post, maxTrainSteps);
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("unstable_base_lr", unstableBaseLr);
        numbers.put("base_lr", baseLr);
        numbers.put("max_train_steps", (double) maxTrainSteps);
        numbers.put("warmup_cap", (double) cap);
        String message = grid.isEmpty()
                ? "max_train_steps (" + maxTrainSteps + ") is too short for a warmup study: 10% of it is under one step."
                : "Warmup study to run: base_lr = " + Text.number(baseLr) + " (" + Text.number(
                settings.baseLrMultiplier()) + " x unstable_base_lr " + Text.number(unstableBaseLr)
                + "), warmup_steps " + grid.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " (at most " + Text.percent(settings.maxWarmupShare()) + " of " + maxTrainSteps
                + " steps), each followed by constant base_lr for " + Text.number(settings.postWarmupFactor())
                + " x warmup_steps" + (showsAt > 0 ? " (at least " + showsAt + " steps, as long as the unstable trial"
                + " took to show it)" : "") + "; keep the shortest warmup that is stable.";
        Finding finding = new Finding(RULE, Severity.ADVICE, message, new Evidence(List.of(), List.of(), numbers));
        return new WarmupAdvice(List.of(), Optional.of(plan), OptionalDouble.empty(), OptionalLong.empty(),
                OptionalLong.empty(), maxTrainSteps, List.of(finding));
    }
}
