package dev.tunescope.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Base-10 logarithmic spacing, for learning rates and losses spanning decades. Ticks at every decade with minor
 * ticks at 2 and 5 times it. Where that labels fewer than three ticks, 2 and 5 are labelled too, then every multiple
 * 1..9 of a decade; a domain too narrow even for that gets 1-2-5 linear ticks. Over more decades than the target
 * tick count, only every k-th decade is labelled.
 */
public record LogScale(double min, double max, double pixelFrom, double pixelTo) implements Scale {

    public LogScale {
        if (!(min > 0) || !(max > 0)) {
            throw new IllegalArgumentException(
                    "a log scale needs a positive domain, got [" + min + ", " + max + "]");
        }
        if (!Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("a log scale needs finite min < max, got [" + min + ", " + max + "]");
        }
        if (!Double.isFinite(pixelFrom) || !Double.isFinite(pixelTo) || pixelFrom == pixelTo) {
            throw new IllegalArgumentException("a scale needs two different finite pixels, got " + pixelFrom
                    + " and " + pixelTo);
        }
    }

    @Override
    public ScaleType type() {
        return ScaleType.LOG;
    }

    @Override
    public double toPixel(double value) {
        if (!(value > 0)) {
            return Double.NaN;
        }
        double logMin = Math.log10(min);
        return pixelFrom + (Math.log10(value) - logMin) / (Math.log10(max) - logMin) * (pixelTo - pixelFrom);
    }

    @Override
    public double toValue(double pixel) {
        double logMin = Math.log10(min);
        return Math.pow(10, logMin + (pixel - pixelFrom) / (pixelTo - pixelFrom) * (Math.log10(max) - logMin));
    }

    @Override
    public boolean canShow(double value) {
        return value > 0 && value < Double.POSITIVE_INFINITY;
    }

    @Override
    public LogScale withPixels(double from, double to) {
        return new LogScale(min, max, from, to);
    }

    @Override
    public List<Tick> ticks(int target) {
        int lowDecade = (int) Math.floor(Math.log10(min));
        int highDecade = (int) Math.ceil(Math.log10(max));
        List<Integer> inside = new ArrayList<>();
        for (int e = lowDecade; e <= highDecade; e++) {
            if (isInside(decimal(1, e))) {
                inside.add(e);
            }
        }
        if (inside.size() > target) { // many decades: label every k-th, the others become minor ticks
            for (int stride = (inside.size() + target - 1) / target; stride >= 1; stride--) {
                List<Tick> ticks = new ArrayList<>();
                for (int e : inside) {
                    ticks.add(tick(decimal(1, e), Math.floorMod(e, stride) == 0));
                }
                if (ticks.stream().filter(Tick::major).count() >= 2) {
                    return ticks;
                }
            }
        }
        for (int[] labelled : new int[][] {{1}, {1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
            List<Tick> ticks = new ArrayList<>();
            int[] minors = labelled.length == 1 ? new int[] {2, 5} : new int[0];
            for (int e = lowDecade; e <= highDecade; e++) {
                for (int m = 1; m <= 9; m++) {
                    if (contains(labelled, m)) {
                        addIfInside(ticks, decimal(m, e), true);
                    } else if (contains(minors, m)) {
                        addIfInside(ticks, decimal(m, e), false);
                    }
                }
            }
            if (ticks.stream().filter(Tick::major).count() >= 3) {
                return ticks;
            }
        }
        return LinearScale.niceTicks(min, max, target);
    }

    private void addIfInside(List<Tick> ticks, double value, boolean major) {
        if (isInside(value)) {
            ticks.add(tick(value, major));
        }
    }

    private boolean isInside(double value) {
        double slack = 1e-9; // a tick a rounding error outside the domain is still on it
        return value >= min * (1 - slack) && value <= max * (1 + slack);
    }

    private static Tick tick(double value, boolean major) {
        return new Tick(value, TickLabels.format(value), major);
    }

    /** m * 10^e as the double nearest the decimal (3 * 0.1 would be 0.30000000000000004). */
    private static double decimal(int mantissa, int exponent) {
        return Double.parseDouble(mantissa + "e" + exponent);
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }
}
