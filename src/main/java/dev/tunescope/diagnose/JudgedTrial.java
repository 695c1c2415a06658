package dev.tunescope.diagnose;

/** A trial and the verdict on its stability, with what the study rules read off both. */
public record JudgedTrial(Trial trial, TrialStability verdict) {

    /** The last step its train loss reached. */
    public long lastStep() {
        return trial.trainLoss().lastStep();
    }

    /** Where its instability shows (its most serious sign's step); its last step when it is stable. */
    public long showsAt() {
        return verdict.mainSign().map(InstabilitySign::step).orElse(lastStep());
    }
}
