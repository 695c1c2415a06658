package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signs of instability in one loss curve, each found on its own; {@link StabilityJudge} decides what they mean
 * for a trial. Rises are measured against the run's own running best, in shares of how much it learned
 * ({@link LossCurve#scale()}) and in multiples of its noise, never against its first steps: a run that converges
 * fast has a low running best early, not a blow-up later.
 */
final class InstabilityDetectors {
    /** An early jump must last this many points of the 5-point median. */
    static final int JUMP_POINTS = 3;
    /** Rises and jumps must clear the noise's extremes by this many more standard deviations. */
    static final double MARGIN_Z = 3;
    /**
     * The spread a spike is judged against comes from this many spike windows before it: the median absolute
     * deviation of 50 points is too unsteady (it can come out at 60% of the true spread), of 200 it is not.
     */
    static final int NOISE_WINDOWS = 4;
    /** The spread a spike is judged against is at least this share of the whole run's (see {@link LossCurve#noise}). */
    static final double RUN_NOISE_FLOOR = 0.7;
    /** A rise still under way when the run ends must clear the bound by this factor (see sustainedRise). */
    static final double END_MARGIN = 1.5;

    /**
     * How many standard deviations of a smoothed curve a rise above its running best must clear so that noise alone
     * does not make one: over {@code points / window} independent windows, the lowest of them (the running best)
     * lies about sqrt(2 ln n) standard deviations below the typical level, and the highest as far above it, so a
     * flat run's curve can stand 2 sqrt(2 ln n) above its best; {@link #MARGIN_Z} more makes a real rise.
     */
    static double noiseMultiple(int points, int window) {
        double windows = Math.max(Math.E, (double) points / Math.max(1, window));
        return MARGIN_Z + 2 * Math.sqrt(2 * Math.log(windows));
    }
    /** "Still at its best": within this many standard deviations of the smoothed curve (or the share of scale). */
    static final double AT_BEST_Z = 3;

    private InstabilityDetectors() {
    }

    /**
     * The first NaN or infinite value of {@code series} (the train loss or the eval loss); its onset is where the
     * train loss {@code curve} left its best before that step.
     */
    static Optional<InstabilitySign> firstNonFinite(ScalarSeries series, String tag, LossCurve curve,
                                                    double onsetTolerance) {
        for (int i = 0; i < series.size(); i++) {
            if (!Double.isFinite(series.value(i))) {
                long onset = leftBest(curve, curve.series().indexAtOrAfter(series.step(i)), onsetTolerance);
                return Optional.of(new InstabilitySign(InstabilityKind.DIVERGENCE, series.step(i), series.value(i),
                        tag, Math.min(onset, series.step(i))));
            }
        }
        return Optional.empty();
    }

    /** The first finite value above {@code factor} times the starting level (a starting level <= 0: its scale). */
    static Optional<InstabilitySign> explosion(LossCurve curve, double factor, double onsetTolerance) {
        double start = curve.start();
        if (!Double.isFinite(start)) {
            return Optional.empty();
        }
        double bound = start > 0 ? factor * start : start + factor * curve.scale();
        for (int i = 0; i < curve.size(); i++) {
            if (Double.isFinite(curve.raw(i)) && curve.raw(i) > bound) {
                return Optional.of(new InstabilitySign(InstabilityKind.EXPLOSION, curve.step(i), curve.raw(i),
                        "train loss", leftBest(curve, i, onsetTolerance)));
            }
        }
        return Optional.empty();
    }

    /**
     * A sustained rise: the smoothed loss climbs above its running best by more than {@code riseFraction} of what
     * the run learned (and beyond its noise) and stays there for a window of points, or to the end of the run.
     */
    static Optional<InstabilitySign> sustainedRise(LossCurve curve, double riseFraction, double onsetTolerance) {
        double bound = riseBound(curve, riseFraction);
        int window = curve.window();
        int crossed = -1;
        int clearly = -1; // where the last stretch above END_MARGIN x the bound began
        for (int i = 0; i < curve.size(); i++) {
            double s = curve.smooth(i);
            if (!Double.isFinite(s)) {
                continue;
            }
            double rise = s - curve.best(i);
            if (rise > bound) {
                if (crossed < 0) {
                    crossed = i;
                }
                if (i - crossed + 1 >= window) {
                    return Optional.of(rise(curve, crossed, onsetTolerance));
                }
            } else {
                crossed = -1;
            }
            clearly = rise > END_MARGIN * bound ? (clearly < 0 ? i : clearly) : -1;
        }
        // Still up when the run ended, for less than a window: the centred median's last points average fewer
        // values and are noisier, so the rise must be clearer there and last half a window.
        if (crossed >= 0 && clearly >= 0 && curve.size() - clearly >= Math.max(JUMP_POINTS, window / 2)) {
            return Optional.of(rise(curve, crossed, onsetTolerance));
        }
        return Optional.empty();
    }

    private static InstabilitySign rise(LossCurve curve, int at, double onsetTolerance) {
        return new InstabilitySign(InstabilityKind.SUSTAINED_RISE, curve.step(at), curve.smooth(at), "train loss",
                leftBest(curve, at, onsetTolerance));
    }

    /**
     * An early jump: before {@code untilStep}, the loss (a 5-point median, so that one bad batch does not count)
     * climbs above its best so far (of the same median: the run's centred curve would already know the steps
     * ahead) by more than {@code riseFraction} of what the run learned and beyond its noise, for at least three
     * points; it may come back. The early-instability probe looks for exactly this (RULES.md §1).
     */
    static Optional<InstabilitySign> earlyJump(LossCurve curve, double riseFraction, long untilStep) {
        double[] median = LossCurve.centredMedian(curve.series().valuesCopy(), LossCurve.MIN_WINDOW);
        double medianNoise = 1.2533 * curve.noiseBound() / Math.sqrt(LossCurve.MIN_WINDOW);
        int early = Math.max(1, curve.series().indexAtOrAfter(untilStep));
        double bound = Math.max(riseFraction * curve.scale(), noiseMultiple(early, LossCurve.MIN_WINDOW) * medianNoise);
        // the first medians average fewer points (a window cut at the start): the run's starting level stands in
        double best = Double.isFinite(curve.start()) ? curve.start() : Double.POSITIVE_INFINITY;
        int run = 0;
        for (int i = LossCurve.MIN_WINDOW / 2; i < median.length && curve.step(i) < untilStep; i++) {
            double m = median[i];
            if (!Double.isFinite(m)) {
                continue;
            }
            if (m - best > bound) {
                run++;
                if (run >= JUMP_POINTS) {
                    int first = i - run + 1;
                    return Optional.of(InstabilitySign.at(InstabilityKind.EARLY_JUMP, curve.step(first), median[first],
                            "train loss"));
                }
            } else {
                run = 0;
                best = Math.min(best, m);
            }
        }
        return Optional.empty();
    }

    /**
     * Spikes: a value at least {@code minRatio} times the median of the {@code window} steps before it, more than
     * {@code z} robust standard deviations (1.4826 MAD of the four windows before it) above it (more on long runs,
     * where noise alone reaches further: at least 3 + sqrt(2 ln n)) and more than {@code minRise} of what the run
     * learned above it, that comes back under that bound within a fifth of a window (at least 3 steps). A jump
     * that does not come back is a rise, a blow-up or a divergence, not a spike; the points of one excursion count
     * as one spike, at its first step. Needs half a window of history first.
     */
    static List<InstabilitySign> spikes(LossCurve curve, int window, double z, double minRatio, double minRise) {
        double[] values = curve.series().valuesCopy();
        RunningMedian trailing = new RunningMedian(window);
        int noiseWindow = NOISE_WINDOWS * window;
        RunningMedian noise = new RunningMedian(noiseWindow);
        List<InstabilitySign> found = new ArrayList<>();
        int minHistory = Math.max(5, window / 2);
        int recovery = Math.max(3, window / 5);
        double rise = minRise * curve.scale();
        // over n points, noise alone reaches sqrt(2 ln n) standard deviations once: a spike must clear that, plus a margin
        double zHere = Math.max(z, MARGIN_Z + Math.sqrt(2 * Math.log(Math.max(Math.E, values.length))));
        int resumeAt = 0; // inside a spike's excursion, the points after its first are not new spikes
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (i >= resumeAt && Double.isFinite(v) && trailing.size() >= minHistory) {
                double median = trailing.median();
                // the cheap test first: most points are nowhere near minRatio times the median
                if (median > 0 && v > minRatio * median && v - median > rise) {
                    // a short history's spread can come out low by chance: never below most of the run's own
                    double sigma = Math.max(RunningMedian.MAD_TO_SIGMA * noise.mad() * shortHistoryFactor(noise.size(), noiseWindow),
                            RUN_NOISE_FLOOR * curve.noise());
                    double bound = Math.max(Math.max(minRatio * median, median + rise),
                            median + zHere * Math.max(sigma, 1e-12 * median));
                    int back = v > bound ? comesBackUnder(values, i, bound, recovery) : -1;
                    if (back > 0) {
                        found.add(InstabilitySign.at(InstabilityKind.SPIKE, curve.step(i), v, "train loss"));
                        resumeAt = back;
                    }
                }
            }
            if (i >= window) {
                trailing.remove(values[i - window]);
            }
            if (i >= noiseWindow) {
                noise.remove(values[i - noiseWindow]);
            }
            trailing.add(v);
            noise.add(v);
        }
        return found;
    }

    /**
     * The spike bound was set for a spread measured over a full noise window; a shorter history's spread is less
     * certain, so it is taken that much nearer its upper bound (see {@link RunningMedian#madUpperFactor}).
     */
    static double shortHistoryFactor(int k, int fullWindow) {
        return RunningMedian.madUpperFactor(k) / RunningMedian.madUpperFactor(fullWindow);
    }

    /** The index after {@code from} where the series is back under {@code bound}, within {@code limit} steps; -1 if not. */
    private static int comesBackUnder(double[] values, int from, double bound, int limit) {
        for (int j = from + 1; j < values.length && j <= from + limit; j++) {
            if (Double.isFinite(values[j]) && values[j] <= bound) {
                return j;
            }
        }
        return -1;
    }

    /** How far above its best the smoothed loss must climb to count as a rise. */
    static double riseBound(LossCurve curve, double riseFraction) {
        return Math.max(riseFraction * curve.scale(), noiseMultiple(curve.size(), curve.window())
                * curve.smoothNoise() * RunningMedian.madUpperFactor(curve.size()));
    }

    /** How close to its best (or its reference) a smoothed loss must be to count as "still there". */
    static double tolerance(LossCurve curve, double onsetTolerance) {
        return Math.max(onsetTolerance * curve.scale(), AT_BEST_Z * curve.smoothNoise());
    }

    /**
     * Where the loss left its own best for good, seen from point {@code index} where the trouble shows: the step
     * after the last point before it at which the smoothed loss was still within the tolerance of its running best.
     */
    static long leftBest(LossCurve curve, int index, double onsetTolerance) {
        int at = Math.min(index, curve.size() - 1);
        double tolerance = tolerance(curve, onsetTolerance);
        for (int j = at - 1; j >= 0; j--) {
            double s = curve.smooth(j);
            if (Double.isFinite(s) && s <= curve.best(j) + tolerance) {
                return curve.step(Math.min(j + 1, at));
            }
        }
        return curve.step(Math.max(0, at));
    }
}
