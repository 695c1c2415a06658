package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Which trials are unstable, from which step, and the smallest unstable learning rate (RULES.md §1,
 * "Instability": a trial is unstable when its loss goes up during training: spikes, a sustained rise, divergence
 * to NaN/Inf, or a collapse to a plateau far above what lower LRs reach; §2 defines unstable_base_lr).
 *
 * <p>Every trial is checked for divergence, explosion, spikes and a sustained rise. Trials above lr* are also
 * checked for a plateau: a loss that has stopped improving (its second half gains less than
 * {@code plateauFlatness}) at a level above {@code plateauFactor} times the lowest level that stable smaller
 * learning rates end at. Windows shrink for short runs (a quarter of the run, at least 5 steps).
 */
public final class InstabilityRule {
    public static final String RULE = "instability";

    /**
     * @param explosionFactor   a finite train loss this many times its starting level is a blow-up
     * @param initialPoints     the starting level is the median of this many first values
     * @param spikeWindow       steps of history a spike is judged against
     * @param spikeZ            robust standard deviations above the trailing median that make a spike
     * @param spikeMinRatio     a spike must also be at least this many times the trailing median
     * @param riseWindow        running-median window for the sustained rise, and how long it must last
     * @param riseFactor        the smoothed loss must rise this fraction above its best so far
     * @param plateauFactor     ending flat this many times above what smaller stable LRs end at is a plateau
     * @param plateauFlatness   "flat": the second half of the run lowers the loss by less than this fraction
     * @param tailFraction      the share of the run whose median is its final level
     */
    public record Settings(double explosionFactor, int initialPoints, int spikeWindow, double spikeZ,
                           double spikeMinRatio, int riseWindow, double riseFactor, double plateauFactor,
                           double plateauFlatness, double tailFraction) {
        public static final Settings DEFAULTS = new Settings(10, 10, 50, 6, 1.3, 50, 0.5, 1.5, 0.05, 0.1);
    }

    /** The verdict on every trial, unstable_base_lr, and the findings. */
    public record Result(List<TrialStability> trials, OptionalDouble unstableBaseLr, List<Finding> findings) {
        public List<TrialStability> unstable() {
            return trials.stream().filter(TrialStability::unstable).toList();
        }
    }

    private InstabilityRule() {
    }

    public static Result assess(List<Trial> trials, OptionalDouble lrStar, Settings settings) {
        List<Trial> byLr = trials.stream().sorted(Comparator.comparingDouble(Trial::learningRate)
                .thenComparing(Trial::run)).toList();
        Map<Trial, List<InstabilitySign>> signs = new LinkedHashMap<>();
        for (Trial trial : byLr) {
            signs.put(trial, lossSigns(trial, settings));
        }
        for (Trial trial : byLr) {
            if (lrStar.isPresent() && trial.learningRate() > lrStar.getAsDouble()) {
                referenceBelow(trial, signs, settings).flatMap(reference -> InstabilityDetectors.plateau(
                        trial.trainLoss(), reference, settings.plateauFactor(), settings.plateauFlatness(),
                        settings.tailFraction(), window(settings.riseWindow(), trial))).ifPresent(signs.get(trial)::add);
            }
        }
        List<TrialStability> verdicts = signs.entrySet().stream().map(e -> new TrialStability(e.getKey().run(),
                e.getKey().learningRate(), e.getKey().warmupSteps(), e.getValue())).toList();
        OptionalDouble unstableBase = verdicts.stream().filter(TrialStability::unstable)
                .mapToDouble(TrialStability::learningRate).min();
        return new Result(verdicts, unstableBase, InstabilityFindings.of(verdicts, unstableBase, settings));
    }

    /** Divergence, explosion, spikes and a sustained rise: everything that needs no other trial. */
    static List<InstabilitySign> lossSigns(Trial trial, Settings settings) {
        List<InstabilitySign> found = new ArrayList<>();
        InstabilityDetectors.firstNonFinite(trial.trainLoss(), "train loss").ifPresent(found::add);
        trial.evalLoss().flatMap(eval -> InstabilityDetectors.firstNonFinite(eval, "eval loss"))
                .ifPresent(found::add);
        InstabilityDetectors.explosion(trial.trainLoss(), settings.explosionFactor(), settings.initialPoints())
                .ifPresent(found::add);
        found.addAll(InstabilityDetectors.spikes(trial.trainLoss(), window(settings.spikeWindow(), trial),
                settings.spikeZ(), settings.spikeMinRatio()));
        InstabilityDetectors.sustainedRise(trial.trainLoss(), window(settings.riseWindow(), trial),
                settings.riseFactor()).ifPresent(found::add);
        found.sort(Comparator.comparingLong(InstabilitySign::step));
        return found;
    }

    /** The lowest final level among smaller learning rates that showed no sign of instability. */
    private static Optional<Double> referenceBelow(Trial trial, Map<Trial, List<InstabilitySign>> signs,
                                                   Settings settings) {
        return signs.entrySet().stream()
                .filter(e -> e.getKey().learningRate() < trial.learningRate() && e.getValue().isEmpty())
                .map(e -> InstabilityDetectors.finalLevel(e.getKey().trainLoss(), settings.tailFraction()))
                .filter(Double::isFinite).min(Double::compare);
    }

    private static int window(int setting, Trial trial) {
        return Math.max(5, Math.min(setting, trial.trainLoss().size() / 4));
    }
}
