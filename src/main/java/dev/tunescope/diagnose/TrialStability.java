package dev.tunescope.diagnose;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The instability verdict on one trial: unstable when any sign was found. The onset is the earliest onset of its
 * signs; the kind that names the trial is its most serious sign.
 *
 * @param reference the trial it was compared with for a plateau, where it was
 */
public record TrialStability(String run, double learningRate, long warmupSteps, OptionalDouble clipThreshold,
                             List<InstabilitySign> signs, Optional<String> reference) {

    public TrialStability {
        signs = signs.stream().sorted(Comparator.comparingLong(InstabilitySign::onset)
                .thenComparingLong(InstabilitySign::step)).toList();
    }

    public boolean unstable() {
        return !signs.isEmpty();
    }

    public boolean stable() {
        return signs.isEmpty();
    }

    /** The most serious sign (see the order of {@link InstabilityKind}). */
    public Optional<InstabilitySign> mainSign() {
        return signs.stream().min(Comparator.comparing(InstabilitySign::kind).thenComparingLong(InstabilitySign::step));
    }

    /** The sign whose trouble began first. */
    public Optional<InstabilitySign> firstSign() {
        return signs.stream().findFirst();
    }

    /** Where the trial became unstable: the earliest onset of its signs. */
    public OptionalLong onsetStep() {
        return signs.isEmpty() ? OptionalLong.empty() : OptionalLong.of(signs.get(0).onset());
    }

    /** Same as {@link #onsetStep()}: the step the app zooms to. */
    public OptionalLong firstUnstableStep() {
        return onsetStep();
    }
}
