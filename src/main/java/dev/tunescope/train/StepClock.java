package dev.tunescope.train;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate DJL's optimizers read, set by the training loop before every update. DJL counts updates per
 * parameter; the loop counts steps, and the schedule is a function of the step, so the loop is the one to say.
 */
final class StepClock implements Tracker {
    private final Schedule schedule;
    private volatile long step = 1;

    StepClock(Schedule schedule) {
        this.schedule = schedule;
    }

    void set(long step) {
        this.step = step;
    }

    double learningRate() {
        return schedule.at(step);
    }

    @Override
    public float getNewValue(int numUpdate) {
        return (float) learningRate();
    }
}
