package dev.tunescope.diagnose;

/** How findings name a trial: by its learning rate, and its warmup or clipping where it has one. */
final class TrialText {
    private TrialText() {
    }

    static String describe(TrialStability trial) {
        if (!Double.isFinite(trial.learningRate())) {
            return trial.run(); // it records no learning rate: its name says which run it is
        }
        return describe(trial.learningRate(), trial.warmupSteps(), trial.clipThreshold());
    }

    static String describe(double lr, long warmupSteps, java.util.OptionalDouble clip) {
        StringBuilder text = new StringBuilder("lr ").append(Text.number(lr));
        if (warmupSteps > 0) {
            text.append(" with ").append(warmupSteps).append(" warmup steps");
        }
        clip.ifPresent(c -> text.append(warmupSteps > 0 ? " and" : " with").append(" clipping at ")
                .append(Text.number(c)));
        return text.toString();
    }
}
