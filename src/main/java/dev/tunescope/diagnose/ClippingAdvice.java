package dev.tunescope.diagnose;

import java.util.List;

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
 */
public record ClippingAdvice(String run, String source, double percentile, double threshold, long updates,
                             long clipped, double clippedFraction, List<Finding> findings) {

    public static final String FROM_SCALARS = "scalars";
    public static final String FROM_HISTOGRAMS = "histograms";

    public ClippingAdvice {
        findings = List.copyOf(findings);
    }
}
