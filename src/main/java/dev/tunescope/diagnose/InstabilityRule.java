package dev.tunescope.diagnose;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which trials of an LR sweep are unstable, from which step, and unstable_base_lr (RULES.md §1, "Instability": a
 * trial is unstable when its loss goes up during training: spikes, a sustained rise, divergence to NaN/Inf, or a
 * collapse to a plateau far above what lower LRs reach; §2 defines unstable_base_lr).
 *
 * <p>Every trial is checked for its own signs ({@link StabilityJudge}); the trials above lr* are also compared
 * with the lr* trial at equal steps for a plateau ({@link PlateauDetector}). unstable_base_lr is the smallest
 * unstable learning rate above lr*: a trial below lr* that misbehaves is reported, but it is not the learning rate
 * the workload becomes unstable at.
 */
public final class InstabilityRule {
    public static final String RULE = "instability";

    /**
     * @param explosionFactor  a finite train loss this many times its starting level is a blow-up
     * @param riseFraction     a smoothed loss this share of what the run learned above its best is a rise (sustained
     *                         for a smoothing window) or, early in the run, a jump
     * @param spikeWindow      steps of history a spike is judged against
     * @param spikeZ           robust standard deviations above the trailing median that make a spike
     * @param spikeMinRatio    a spike must also be at least this many times the trailing median
     * @param spikeMinRise     and this share of what the run learned above it
     * @param plateauGap       ending this share of what the reference learned above the reference (at the same step)
     * @param plateauProgress  "stuck": over the second half, gaining less than this share of what the reference gains
     * @param onsetTolerance   within this share of what a run learned, it is still at its best (or its reference)
     * @param earlyShare       "early": the first share of a run (at most {@code earlySteps} steps)
     * @param earlySteps       the early-instability probe's length, the most steps that count as early
     * @param tailFraction     the share of the run whose median is its final level
     */
    public record Settings(double explosionFactor, double riseFraction, int spikeWindow, double spikeZ,
                           double spikeMinRatio, double spikeMinRise, double plateauGap, double plateauProgress,
                           double onsetTolerance, double earlyShare, long earlySteps, double tailFraction) {
        public static final Settings DEFAULTS = new Settings(10, 0.25, 50, 6, 1.3, 0.1, 0.2, 0.2, 0.05, 0.1, 500,
                0.1);

        public Settings withPlateauGap(double gap) {
            return new Settings(explosionFactor, riseFraction, spikeWindow, spikeZ, spikeMinRatio, spikeMinRise, gap,
                    plateauProgress, onsetTolerance, earlyShare, earlySteps, tailFraction);
        }

        public Settings withSpikeZ(double z) {
            return new Settings(explosionFactor, riseFraction, spikeWindow, z, spikeMinRatio, spikeMinRise,
                    plateauGap, plateauProgress, onsetTolerance, earlyShare, earlySteps, tailFraction);
        }
    }

    /** The verdict on every trial (by learning rate), unstable_base_lr, and the findings. */
    public record Result(List<TrialStability> trials, OptionalDouble unstableBaseLr, List<Finding> findings) {
        public Result {
            trials = List.copyOf(trials);
            findings = List.copyOf(findings);
        }

        public List<TrialStability> unstable() {
            return trials.stream().filter(TrialStability::unstable).toList();
        }
    }

    private InstabilityRule() {
    }

    /** Judges a sweep's trials; {@code lrStar} is the sweep's best trial, when it has one. */
    public static Result assess(List<Trial> trials, Optional<LrStarRule.LrStar> lrStar, Settings settings) {
        return assess(trials, lrStar, new StabilityJudge(settings), settings);
    }

    static Result assess(List<Trial> trials, Optional<LrStarRule.LrStar> lrStar, StabilityJudge judge,
                         Settings settings) {
        return against(trials, lrStar.flatMap(s -> trials.stream().filter(t -> t.run().equals(s.run())).findFirst()),
                judge, settings);
    }

    /** Judges the trials, those above {@code reference}'s rate against it for a plateau. */
    static Result against(List<Trial> trials, Optional<Trial> reference, StabilityJudge judge, Settings settings) {
        List<TrialStability> verdicts = trials.stream()
                .sorted(Comparator.comparingDouble(Trial::learningRate).thenComparing(Trial::run))
                .map(t -> reference.isPresent() && t.learningRate() > reference.get().learningRate()
                        ? judge.against(t, reference) : judge.alone(t))
                .toList();
        OptionalDouble above = verdicts.stream().filter(TrialStability::unstable)
                .filter(t -> reference.isEmpty() || t.learningRate() > reference.get().learningRate())
                .mapToDouble(TrialStability::learningRate).min();
        return new Result(verdicts, above, InstabilityFindings.of(verdicts, above, reference, settings));
    }
}
