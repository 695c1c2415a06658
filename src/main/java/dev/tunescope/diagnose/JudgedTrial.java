package dev.tunescope.diagnose;

/**
 * A trial and the verdict on its stability, with what the study rules read off both.
 *
 * @param gapToReference how far above its reference the trial ends, at equal steps, as a share of what the
 *                       reference learned (see {@link PlateauDetector#endGap}); NaN where it has no reference
 */
public record JudgedTrial(Trial trial, TrialStability verdict, double gapToReference) {

    public JudgedTrial(Trial trial, TrialStability verdict) {
        this(trial, verdict, Double.NaN);
    }

    /** The last step its train loss reached. */
    public long lastStep() {
        return trial.trainLoss().lastStep();
    }

    /** Where its instability shows (its most serious sign's step); its last step when it is stable. */
    public long showsAt() {
        return verdict.mainSign().map(InstabilitySign::step).orElse(lastStep());
    }

    /** Whether it ends far above its reference (more than {@code gap} of what the reference learned). */
    public boolean farAbove(double gap) {
        return gapToReference > gap;
    }
}
