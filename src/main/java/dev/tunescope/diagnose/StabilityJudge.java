package dev.tunescope.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges trials for instability (RULES.md §1) and remembers each trial's prepared {@link LossCurve}, so that a
 * reference compared with many trials is prepared once. A trial's own signs need no other trial: NaN/Inf, a
 * blow-up, a sustained rise, an early jump, spikes. A plateau needs a reference: the trial the study holds up as
 * what its set-up can reach (an LR sweep's lr*, a warmup study's best stable trial or its sweep's lr*).
 */
final class StabilityJudge {
    private final InstabilityRule.Settings settings;
    // by the trial's identity (a trial's equality compares its series), and safe for studies judged side by side
    private final Map<Identity, LossCurve> curves = new ConcurrentHashMap<>();

    StabilityJudge(InstabilityRule.Settings settings) {
        this.settings = settings;
    }

    LossCurve curve(Trial trial) {
        return curves.computeIfAbsent(new Identity(trial), key -> LossCurve.of(trial.trainLoss()));
    }

    /** The trial's own signs only (no reference). */
    TrialStability alone(Trial trial) {
        return new TrialStability(trial.run(), trial.learningRate(), trial.warmupSteps(), trial.clipThreshold(),
                ownSigns(trial), Optional.empty());
    }

    /** The trial's own signs, and a plateau against {@code reference} when there is one and it is another trial. */
    TrialStability against(Trial trial, Optional<Trial> reference) {
        List<InstabilitySign> signs = ownSigns(trial);
        Optional<String> comparedWith = Optional.empty();
        boolean runaway = signs.stream().anyMatch(s -> s.kind() == InstabilityKind.DIVERGENCE
                || s.kind() == InstabilityKind.EXPLOSION); // a loss that ran away has no plateau to speak of
        if (reference.isPresent() && !runaway && !reference.get().run().equals(trial.run())) {
            comparedWith = Optional.of(reference.get().run());
            PlateauDetector.plateau(curve(trial), curve(reference.get()), settings).ifPresent(signs::add);
        }
        return new TrialStability(trial.run(), trial.learningRate(), trial.warmupSteps(), trial.clipThreshold(),
                signs, comparedWith);
    }

    /** The trial judged against {@code reference}, with how far above it the trial ends. */
    JudgedTrial judged(Trial trial, Optional<Trial> reference) {
        TrialStability verdict = against(trial, reference);
        double gap = reference.filter(r -> !r.run().equals(trial.run()))
                .map(r -> PlateauDetector.endGap(curve(trial), curve(r), settings.tailFraction())).orElse(Double.NaN);
        return new JudgedTrial(trial, verdict, gap);
    }

    /** Divergence, blow-up, sustained rise, early jump and spikes: everything that needs no other trial. */
    List<InstabilitySign> ownSigns(Trial trial) {
        return ownSigns(trial, earlyUntil(trial, settings.earlySteps(), settings.earlyShare()));
    }

    /** The same, with jumps before {@code earlyUntil} counted as early (a probe's whole first 500 steps). */
    List<InstabilitySign> ownSigns(Trial trial, long earlyUntil) {
        LossCurve curve = curve(trial);
        double tolerance = settings.onsetTolerance();
        List<InstabilitySign> found = new ArrayList<>();
        InstabilityDetectors.firstNonFinite(trial.trainLoss(), "train loss", curve, tolerance).ifPresent(found::add);
        trial.evalLoss().flatMap(eval -> InstabilityDetectors.firstNonFinite(eval, "eval loss", curve, tolerance))
                .ifPresent(found::add);
        InstabilityDetectors.explosion(curve, settings.explosionFactor(), tolerance).ifPresent(found::add);
        InstabilityDetectors.sustainedRise(curve, settings.riseFraction(), tolerance).ifPresent(found::add);
        InstabilityDetectors.earlyJump(curve, settings.riseFraction(), earlyUntil).ifPresent(found::add);
        found.addAll(InstabilityDetectors.spikes(curve, settings.spikeWindow(), settings.spikeZ(),
                settings.spikeMinRatio(), settings.spikeMinRise()));
        return found;
    }

    /** The step before which a jump counts as early: a share of the run, at most {@code earlySteps} in. */
    static long earlyUntil(Trial trial, long earlySteps, double share) {
        long first = trial.trainLoss().firstStep();
        long length = trial.trainLoss().lastStep() - first + 1;
        return first + Math.min(earlySteps, Math.max(LossCurve.MIN_WINDOW, Math.round(share * length)));
    }

    /** A trial as a key by its identity. */
    private record Identity(Trial trial) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.trial == trial;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(trial);
        }
    }
}
