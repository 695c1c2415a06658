package dev.tunescope.train;

/**
 * A learning-rate schedule: a linear ramp from 0 to {@code baseLr} over {@code warmupSteps} (none when 0), then
 * constant, or decaying linearly or along a cosine to 0 at {@code totalSteps}. The warmup is added in front of the
 * schedule, as the playbook says (RULES.md §2): a 10,000-step decay with 1,000 warmup steps ends at step 11,000,
 * so {@code totalSteps} counts the warmup too.
 */
public record Schedule(double baseLr, long warmupSteps, Decay decay, long totalSteps) {

    public enum Decay {
        CONSTANT, LINEAR, COSINE
    }

    public Schedule {
        if (!(baseLr > 0) || !Double.isFinite(baseLr)) {
            throw new IllegalArgumentException("the base learning rate must be positive, not " + baseLr);
        }
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmup steps cannot be negative: " + warmupSteps);
        }
        if (decay != Decay.CONSTANT && totalSteps <= warmupSteps) {
            throw new IllegalArgumentException("a decaying schedule needs more total steps (" + totalSteps
                    + ") than warmup steps (" + warmupSteps + ")");
        }
    }

    public static Schedule constant(double lr) {
        return new Schedule(lr, 0, Decay.CONSTANT, 0);
    }

    public static Schedule warmupThenConstant(double lr, long warmupSteps) {
        return new Schedule(lr, warmupSteps, Decay.CONSTANT, 0);
    }

    /** The learning rate of step {@code step} (1-based: step 1 is the first update). */
    public double at(long step) {
        if (warmupSteps > 0 && step <= warmupSteps) {
            return baseLr * step / warmupSteps;
        }
        if (decay == Decay.CONSTANT) {
            return baseLr;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / (totalSteps - warmupSteps));
        return switch (decay) {
            case LINEAR -> baseLr * (1 - progress);
            case COSINE -> baseLr * 0.5 * (1 + Math.cos(Math.PI * progress));
            case CONSTANT -> baseLr;
        };
    }
}
