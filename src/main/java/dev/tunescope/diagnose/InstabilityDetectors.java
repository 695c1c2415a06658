package dev.tunescope.diagnose;

import dev.tunescope.run.ScalarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The signs of instability in one loss series, each found independently. {@link InstabilityRule} decides what
 * they mean for a trial. All comparisons are relative to the series' own level and noise, never absolute jumps,
 * so the same settings serve a loss of 0.1 and a loss of 10.
 */
final class InstabilityDetectors {
    private InstabilityDetectors() {
    }

    static Optional<InstabilitySign> firstNonFinite(ScalarSeries series, String tag) {
        for (int i = 0; i < series.size(); i++) {
            if (!Double.isFinite(series.value(i))) {
                return Optional.of(new InstabilitySign(InstabilityKind.DIVERGENCE, series.step(i), series.value(i), tag));
            }
        }
        return Optional.empty();
    }

    /** The first finite value above {@code factor} times the median of the first {@code initialPoints} ones. */
    static Optional<InstabilitySign> explosion(ScalarSeries loss, double factor, int initialPoints) {
        double[] values = loss.valuesCopy();
        RunningMedian start = new RunningMedian(initialPoints);
        for (int i = 0; i < values.length && start.size() < initialPoints; i++) {
            start.add(values[i]);
        }
        double initial = start.median();
        if (!(initial > 0)) {
            return Optional.empty(); // a loss that starts at or below zero has no meaningful "times its start"
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.isFinite(values[i]) && values[i] > factor * initial) {
                return Optional.of(new InstabilitySign(InstabilityKind.EXPLOSION, loss.step(i), values[i], "train loss"));
            }
        }
        return Optional.empty();
    }

    /**
     * Spikes: a value at least {@code minRatio} times the median of the {@code window} steps before it and more than
     * {@code z} robust standard deviations (1.4826 MAD) above it, that comes back under that bound within a fifth of
     * a window (at least 3 steps). A jump that does not come back is a rise, a blow-up or a divergence, not a spike;
     * the points of one excursion count as one spike, at its first step. Needs half a window of history first.
     */
    static List<InstabilitySign> spikes(ScalarSeries loss, int window, double z, double minRatio) {
        double[] values = loss.valuesCopy();
        RunningMedian trailing = new RunningMedian(window);
        List<InstabilitySign> found = new ArrayList<>();
        int minHistory = Math.max(5, window / 2);
        int recovery = Math.max(3, window / 5);
        int resumeAt = 0; // inside a spike's excursion, the points after its first are not new spikes
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (i >= resumeAt && Double.isFinite(v) && trailing.size() >= minHistory) {
                double median = trailing.median();
                // the cheap test first: most points are nowhere near minRatio times the median
                if (median > 0 && v > minRatio * median) {
                    double sigma = RunningMedian.MAD_TO_SIGMA * trailing.mad();
                    double bound = Math.max(minRatio * median, median + z * Math.max(sigma, 1e-12 * median));
                    int back = v > bound ? comesBackUnder(values, i, bound, recovery) : -1;
                    if (back > 0) {
                        found.add(new InstabilitySign(InstabilityKind.SPIKE, loss.step(i), v, "train loss"));
                        resumeAt = back;
                    }
                }
            }
            if (i >= window) {
                trailing.remove(values[i - window]);
            }
            trailing.add(v);
        }
        return found;
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

    /**
     * A sustained rise: the running median rises above {@code 1 + riseFactor} times its lowest value so far and
     * stays above it for {@code window} steps (or to the end of the run). The step is where it first crossed.
     */
    static Optional<InstabilitySign> sustainedRise(ScalarSeries loss, int window, double riseFactor) {
        double[] smooth = RunningMedian.trailing(loss.valuesCopy(), window);
        double lowest = Double.POSITIVE_INFINITY;
        int crossed = -1;
        for (int i = 0; i < smooth.length; i++) {
            double s = smooth[i];
            if (!Double.isFinite(s)) {
                continue;
            }
            if (s > (1 + riseFactor) * lowest && lowest > 0) {
                if (crossed < 0) {
                    crossed = i;
                }
                if (i - crossed + 1 >= window) {
                    return Optional.of(rise(loss, crossed, smooth));
                }
            } else {
                crossed = -1;
                lowest = Math.min(lowest, s);
            }
        }
        if (crossed >= 0 && smooth.length - crossed >= Math.min(window, 3)) {
            return Optional.of(rise(loss, crossed, smooth)); // still up when the run ended
        }
        return Optional.empty();
    }

    private static InstabilitySign rise(ScalarSeries loss, int at, double[] smooth) {
        return new InstabilitySign(InstabilityKind.SUSTAINED_RISE, loss.step(at), smooth[at], "train loss");
    }

    /** The level a run ends at: the median of its last {@code tailFraction} of finite values (at least 5). */
    static double finalLevel(ScalarSeries loss, double tailFraction) {
        double[] values = loss.valuesCopy();
        int tail = Math.max(5, (int) Math.ceil(values.length * tailFraction));
        return RunningMedian.median(java.util.Arrays.copyOfRange(values, Math.max(0, values.length - tail),
                values.length));
    }

    /**
     * A plateau far above {@code reference} (what smaller learning rates end at): the run ends flat (its smoothed
     * loss at the end is within {@code flatness} of where it was halfway) above {@code factor * reference}; the
     * step is where its smoothed loss last rose above that bound for good.
     */
    static Optional<InstabilitySign> plateau(ScalarSeries loss, double reference, double factor, double flatness,
                                             double tailFraction, int window) {
        double level = finalLevel(loss, tailFraction);
        double bound = factor * reference;
        if (!(reference > 0) || !(level > bound)) {
            return Optional.empty();
        }
        double[] smooth = RunningMedian.trailing(loss.valuesCopy(), window);
        double halfway = smooth[smooth.length / 2];
        if (Double.isFinite(halfway) && level < (1 - flatness) * halfway) {
            return Optional.empty(); // still improving: slow, not stuck
        }
        int start = 0;
        for (int i = smooth.length - 1; i >= 0; i--) {
            if (Double.isFinite(smooth[i]) && smooth[i] <= bound) {
                start = i + 1;
                break;
            }
        }
        start = Math.min(start, smooth.length - 1);
        return Optional.of(new InstabilitySign(InstabilityKind.PLATEAU, loss.step(start), level, "train loss"));
    }
}
