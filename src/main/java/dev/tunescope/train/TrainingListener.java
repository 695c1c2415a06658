package dev.tunescope.train;

/** Told after every step; called on the training thread, so keep it short. */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = report -> { };

    void onStep(StepReport report);
}
