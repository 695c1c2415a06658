package dev.tunescope.train;

/** Progress of a run after one step, for progress bars and live plots. */
public record StepReport(long step, long maxSteps, double trainLoss, double learningRate, double examplesPerSecond,
                         double secondsElapsed) {

    /** Seconds left at the pace so far. */
    public double secondsLeft() {
        return step == 0 ? Double.NaN : secondsElapsed / step * (maxSteps - step);
    }
}
