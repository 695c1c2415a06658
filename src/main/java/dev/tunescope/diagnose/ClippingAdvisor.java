package dev.tunescope.diagnose;

import dev.tunescope.run.Histogram;
import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Gradient clipping, RULES.md §3: clipping rescales an update whose gradient norm exceeds lambda to norm lambda;
 * the recommended lambda is the 90th percentile of the observed gradient norms; and where clipping would touch more
 * than half of the updates it is a lower learning rate in disguise, so lower the learning rate instead.
 *
 * <p>Non-finite norms (NaN, ±Infinity) are left out of the percentile and of the update count: clipping cannot
 * repair them. They are counted in the evidence as {@code non_finite}.
 */
public final class ClippingAdvisor {
    public static final String RULE = "clipping";
    /** The most marks one finding carries; the total is in its numbers as {@code clipped}. */
    public static final int MAX_MARKS = 200;

    /**
     * @param percentile             which percentile of the norms becomes the threshold (RULES.md §3: the 90th)
     * @param lowerLrWarningFraction above this clipped fraction, clipping is a lower learning rate in disguise
     *                               (RULES.md §3: more than 50% of updates)
     */
    public record Settings(double percentile, double lowerLrWarningFraction) {
        public static final Settings DEFAULTS = new Settings(90, 0.5);

        public Settings {
            Percentiles.checkPercent(percentile);
            if (!(lowerLrWarningFraction >= 0 && lowerLrWarningFraction <= 1)) {
                throw new IllegalArgumentException("the warning fraction must lie in [0, 1], not "
                        + lowerLrWarningFraction);
            }
        }
    }

    private ClippingAdvisor() {
    }

    /**
     * The threshold from one gradient norm per step ({@code gradNorm}, logged under {@code tag} in {@code run});
     * empty when the series holds no finite norm.
     */
    public static Optional<ClippingAdvice> advise(String run, String tag, ScalarSeries gradNorm, Settings settings) {
        double[] finite = Arrays.stream(gradNorm.valuesCopy()).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return Optional.empty();
        }
        double threshold = Percentiles.ofSorted(finite, settings.percentile());
        int[] clipped = IntStream.range(0, gradNorm.size()) // NaN > threshold is false; +Infinity is left out
                .filter(i -> Double.isFinite(gradNorm.value(i)) && gradNorm.value(i) > threshold).toArray();
        long updates = finite.length;
        double fraction = (double) clipped.length / updates;
        List<Mark> marks = largestFirst(run, gradNorm, clipped).stream().limit(MAX_MARKS)
                .sorted(Comparator.comparingLong(Mark::fromStep)).toList();
        String message = "Clip gradients at " + Text.number(threshold) + ", the " + Text.ordinal(settings.percentile())
                + " percentile of " + updates + " gradient norms of " + run + ": " + clipped.length + " of its updates ("
                + Text.percent(fraction) + ") lie above it" + nonFiniteNote(gradNorm.size() - finite.length) + ".";
        Tally tally = new Tally(updates, clipped.length, gradNorm.size() - finite.length, marks.size());
        return Optional.of(advice(run, ClippingAdvice.FROM_SCALARS, settings, threshold, tally, message, marks));
    }

    /**
     * The threshold from a series of histograms <em>of gradient norms</em> (for example, each step's norms binned),
     * all merged into one; empty when they count nothing. The clipped count is estimated from the bucket counts,
     * taking the values in a bucket as spread evenly over it; the marks point at the logged histograms that hold
     * clipped updates (the first {@link #MAX_MARKS}), with the estimated number of them as the value.
     */
    public static Optional<ClippingAdvice> adviseFromHistograms(String run, HistogramSeries gradNormHistograms,
                                                                Settings settings) {
        Histogram merged = HistogramMerge.merge(gradNormHistograms.points().stream()
                .map(HistogramSeries.Point::histogram).toList());
        double total = Buckets.total(merged);
        if (!(total > 0)) {
            return Optional.empty();
        }
        double threshold = Percentiles.fromHistogram(merged, settings.percentile());
        long updates = Math.round(total);
        long clipped = Math.min(updates, Math.round(Buckets.countAbove(merged, threshold)));
        double fraction = (double) clipped / updates;
        List<Mark> marks = new ArrayList<>();
        for (HistogramSeries.Point point : gradNormHistograms.points()) {
            long above = Math.round(Buckets.countAbove(point.histogram(), threshold));
            if (above > 0 && marks.size() < MAX_MARKS) {
                marks.add(Mark.point(run, gradNormHistograms.tag(), point.step(), above));
            }
        }
        String message = "Clip gradients at about " + Text.number(threshold) + ", the "
                + Text.ordinal(settings.percentile()) + " percentile of " + updates + " gradient norms in "
                + gradNormHistograms.size() + " histograms: about " + clipped + " updates (" + Text.percent(fraction)
                + ") lie above it (estimated from bucket counts; histograms hold no non-finite norms).";
        Tally tally = new Tally(updates, clipped, 0, marks.size());
        return Optional.of(advice(run, ClippingAdvice.FROM_HISTOGRAMS, settings, threshold, tally, message, marks));
    }

    /**
     * The fraction of finite norms strictly above {@code threshold}: what clipping there would touch (the GUI's
     * threshold slider). NaN when the series holds no finite norm.
     */
    public static double fractionAbove(ScalarSeries gradNorm, double threshold) {
        long finite = 0;
        long above = 0;
        for (int i = 0; i < gradNorm.size(); i++) {
            double norm = gradNorm.value(i);
            if (Double.isFinite(norm)) {
                finite++;
                if (norm > threshold) {
                    above++;
                }
            }
        }
        return finite == 0 ? Double.NaN : (double) above / finite;
    }

    /** The counts behind one advice. */
    private record Tally(long updates, long clipped, long nonFinite, int marksShown) {
    }

    private static ClippingAdvice advice(String run, String source, Settings settings, double threshold, Tally tally,
                                         String message, List<Mark> marks) {
        double fraction = (double) tally.clipped() / tally.updates();
        Map<String, Double> numbers = new LinkedHashMap<>();
        numbers.put("percentile", settings.percentile());
        numbers.put("threshold", threshold);
        numbers.put("updates", (double) tally.updates());
        numbers.put("clipped", (double) tally.clipped());
        numbers.put("clipped_fraction", fraction);
        numbers.put("non_finite", (double) tally.nonFinite());
        numbers.put("marks_shown", (double) tally.marksShown());
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(RULE, Severity.INFO, message, new Evidence(List.of(run), marks, numbers)));
        ClippingAdvice advice = new ClippingAdvice(run, source, settings.percentile(), threshold, tally.updates(),
                tally.clipped(), fraction, Optional.empty(), findings);
        return withWarning(advice, settings);
    }

    /**
     * The same threshold, judged where it is meant to work: on the gradient norms of {@code targetRun} at
     * {@code targetLr} (an unstable rate clipping should make trainable). The share of updates it would clip there,
     * not on the run the percentile came from (10% there by construction at p90), decides the warning.
     */
    public static ClippingAdvice forTarget(ClippingAdvice advice, String targetRun, double targetLr,
                                           ScalarSeries targetNorms, Settings settings) {
        double fraction = fractionAbove(targetNorms, advice.threshold());
        if (!Double.isFinite(fraction)) {
            return advice;
        }
        long updates = java.util.Arrays.stream(targetNorms.valuesCopy()).filter(Double::isFinite).count();
        long clipped = Math.round(fraction * updates);
        ClippingAdvice.Target target = new ClippingAdvice.Target(targetRun, targetLr, updates, clipped, fraction);
        List<Finding> findings = new ArrayList<>(advice.findings().stream()
                .filter(f -> f.severity() != Severity.WARNING).toList());
        findings.add(new Finding(RULE, Severity.INFO, "At lr " + Text.number(targetLr) + ", the rate clipping is"
                + " meant to make trainable, " + clipped + " of " + updates + " updates (" + Text.percent(fraction)
                + ") have a gradient norm above " + Text.number(advice.threshold()) + ".", new Evidence(
                        List.of(targetRun), List.of(), Map.of("threshold", advice.threshold(), "lr", targetLr,
                        "clipped_fraction", fraction, "updates", (double) updates))));
        return withWarning(new ClippingAdvice(advice.run(), advice.source(), advice.percentile(), advice.threshold(),
                advice.updates(), advice.clipped(), advice.clippedFraction(), Optional.of(target), findings), settings);
    }

    private static ClippingAdvice withWarning(ClippingAdvice advice, Settings settings) {
        double fraction = advice.decidingFraction();
        if (!(fraction > settings.lowerLrWarningFraction())) {
            return advice;
        }
        String where = advice.target().map(t -> " at lr " + Text.number(t.learningRate())).orElse("");
        String run = advice.target().map(ClippingAdvice.Target::run).orElse(advice.run());
        List<Finding> findings = new ArrayList<>(advice.findings());
        findings.add(new Finding(RULE, Severity.WARNING, "Clipping at " + Text.number(advice.threshold())
                + " would touch " + Text.percent(fraction) + " of updates" + where + ": this is a lower learning rate"
                + " in disguise; lower the learning rate instead.", new Evidence(List.of(run), List.of(), Map.of(
                        "threshold", advice.threshold(), "clipped_fraction", fraction,
                        "lower_lr_warning_fraction", settings.lowerLrWarningFraction()))));
        return new ClippingAdvice(advice.run(), advice.source(), advice.percentile(), advice.threshold(),
                advice.updates(), advice.clipped(), advice.clippedFraction(), advice.target(), findings);
    }

    /** Marks at the given points, the largest norm first (earlier step first among equals). */
    private static List<Mark> largestFirst(String run, ScalarSeries series, int[] indices) {
        return Arrays.stream(indices).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -series.value(i)).thenComparingInt(i -> i))
                .map(i -> Mark.point(run, series.tag(), series.step(i), series.value(i))).toList();
    }

    private static String nonFiniteNote(long nonFinite) {
        return nonFinite == 0 ? "" : "; " + nonFinite + " non-finite norms left out, clipping cannot repair those";
    }
}
