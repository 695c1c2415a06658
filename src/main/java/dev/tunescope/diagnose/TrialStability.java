package dev.tunescope.diagnose;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The instability verdict on one trial: unstable when any sign was found; the first unstable step is the earliest
 * sign's step.
 */
public record TrialStability(String run, double learningRate, long warmupSteps, List<InstabilitySign> signs) {

    public TrialStability {
        signs = List.copyOf(signs);
    }

    public boolean unstable() {
        return !signs.isEmpty();
    }

    public Optional<InstabilitySign> firstSign() {
        return signs.stream().min(java.util.Comparator.comparingLong(InstabilitySign::step));
    }

    public OptionalLong firstUnstableStep() {
        return firstSign().map(s -> OptionalLong.of(s.step())).orElse(OptionalLong.empty());
    }
}
