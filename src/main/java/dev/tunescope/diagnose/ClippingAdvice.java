package dev.tunescope.diagnose;

import java.util.List;
import java.util.Optional;

/**
 * The gradient-clipping threshold {@link ClippingAdvisor} recommends for one run, and what it would do.
 *
 * @param source          {@code "scalars"} (one gradient norm per step) or {@code "histograms"} (norms binned; the
 *                        clipped count is then an estimate from bucket counts)
 * @param percentile      the percentile of the norms the threshold is
 * @param threshold       the clipping threshold lambda: the {@code percentile}-th percentile of the finite norms
 * @param updates         how many finite norms the threshold was computed over (non-finite norms are counted apart,
 *                        in the findings' evidence)
 * @param clipped         how many of those updates lie strictly above the threshold, i.e. would be clipped
 * @param clippedFraction {@code clipped / updates}
 * @param target          the learning rate the threshold is meant for (an unstable one clipping should make
 *                        trainable), and the share of its updates the threshold would clip; empty when the
 *                        threshold is for the run it came from
 */
public record ClippingAdvice(String run, String source, double percentile, double threshold, long updates,
                             long clipped, double clippedFraction, Optional<Target> target, List<Finding> findings) {

    /** What the threshold would do at the learning rate it is meant for. */
    public record Target(String run, double learningRate, long updates, long clipped, double clippedFraction) {
    }

    /** The share of updates clipping would touch where it matters: at the target rate, else on its own run. */
    public double decidingFraction() {
        return target.map(Target::clippedFraction).orElse(clippedFraction);
    }


    public static final String FROM_SCALARS = "scalars";
    public static final String FROM_HISTOGRAMS = "histograms";

    public ClippingAdvice {
        findings = List.copyOf(findings);
    }
}
