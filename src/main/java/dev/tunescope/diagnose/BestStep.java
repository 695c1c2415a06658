package dev.tunescope.diagnose;

/**
 * Where one run's best checkpoint lies (RULES.md §4: choose the checkpoint retrospectively, the step with the best
 * validation metric).
 *
 * @param bestStep  the step of the lowest finite loss judged (eval loss, else train loss)
 * @param bestValue that loss
 * @param firstStep the first step of the judged series
 * @param lastStep  the last step of the judged series
 * @param position  {@code (bestStep - firstStep) / (lastStep - firstStep)}: 0 at the start of training, 1 at the
 *                  end; 1 for a series of one step, which cannot place its best point
 */
public record BestStep(String run, long bestStep, double bestValue, long firstStep, long lastStep, double position,
                       Verdict verdict) {

    /** What the position says about the run's length. */
    public enum Verdict {
        /** The best step comes early: max_train_steps is too large. */
        TOO_MANY_STEPS,
        /** The best step comes late: training longer (and retuning the decay) helps. */
        TRAIN_LONGER,
        /** Neither; also the verdict for a run of one step, where nothing can be placed. */
        FINE
    }
}
