package dev.tunescope.diagnose;

import java.util.Optional;

/**
 * A collapse to a plateau (RULES.md §1: "a collapse to a plateau far above what lower LRs reach"), judged against a
 * reference trial at equal steps: the trial ends far above where the reference stands at the same step, and over
 * the second half of the steps they share it gains only a small share of what the reference gains. A trial that is
 * still improving is slow, not stuck; a trial that ends near the reference is fine however it got there. Where the
 * trial runs longer than the reference, its end is compared with the reference's end (which only gets lower with
 * more steps).
 *
 * <p>The onset is where the trial left the reference for good (the step after the last point within the tolerance
 * of it), or where it reached its plateau, whichever is later: a warmup trial that starts slower than its
 * reference has not collapsed at step 2.
 */
final class PlateauDetector {
    /** The trial and the reference must share at least this many of the trial's points. */
    static final int MIN_SHARED_POINTS = 10;

    private PlateauDetector() {
    }

    /**
     * How far above the reference the trial ends, as a share of what the reference learned: the trial's final level
     * against the reference's smoothed level at the trial's last step (or the reference's last, if it is shorter).
     * NaN where they share no steps.
     */
    static double endGap(LossCurve trial, LossCurve reference, double tailFraction) {
        long last = Math.min(trial.step(trial.size() - 1), reference.step(reference.size() - 1));
        if (last < Math.max(trial.step(0), reference.step(0))) {
            return Double.NaN;
        }
        return (trial.finalLevel(tailFraction) - reference.smoothAt(last)) / reference.scale();
    }

    static Optional<InstabilitySign> plateau(LossCurve trial, LossCurve reference, InstabilityRule.Settings settings) {
        long first = Math.max(trial.step(0), reference.step(0));
        long last = Math.min(trial.step(trial.size() - 1), reference.step(reference.size() - 1));
        int from = trial.series().indexAtOrAfter(first);
        int to = trial.series().indexAtOrAfter(last + 1) - 1; // the trial's last point at or before `last`
        if (to - from + 1 < MIN_SHARED_POINTS) {
            return Optional.empty();
        }
        double end = trial.finalLevel(settings.tailFraction());
        double referenceEnd = reference.smoothAt(last);
        double noise = trial.smoothNoise() + reference.smoothNoise();
        double gap = end - referenceEnd;
        if (!(gap > settings.plateauGap() * reference.scale()) || !(gap > 3 * noise)) {
            return Optional.empty();
        }
        long middle = first + (last - first) / 2;
        double trialGain = trial.smoothAt(middle) - trial.smoothAt(last);
        double referenceGain = reference.smoothAt(middle) - reference.smoothAt(last);
        if (trialGain > settings.plateauProgress() * Math.max(referenceGain, 0) + 2 * trial.smoothNoise()) {
            return Optional.empty(); // still improving: slow, not stuck
        }
        double tolerance = Math.max(settings.onsetTolerance() * reference.scale(),
                InstabilityDetectors.AT_BEST_Z * noise);
        int parted = from;
        int shows = from;
        for (int i = to; i >= from; i--) {
            double difference = trial.smooth(i) - reference.smoothAt(trial.step(i));
            if (Double.isFinite(difference) && difference <= tolerance) {
                parted = Math.min(i + 1, to);
                break;
            }
        }
        for (int i = to; i >= from; i--) {
            double difference = trial.smooth(i) - reference.smoothAt(trial.step(i));
            if (Double.isFinite(difference) && difference <= settings.plateauGap() * reference.scale()) {
                shows = Math.min(i + 1, to);
                break;
            }
        }
        int arrived = from;
        for (int i = from; i <= to; i++) {
            if (Double.isFinite(trial.smooth(i)) && trial.smooth(i) <= end + tolerance) {
                arrived = i;
                break;
            }
        }
        long onset = trial.step(Math.max(parted, arrived));
        long step = Math.max(trial.step(shows), onset);
        return Optional.of(new InstabilitySign(InstabilityKind.PLATEAU, step, end, "train loss", onset));
    }
}
