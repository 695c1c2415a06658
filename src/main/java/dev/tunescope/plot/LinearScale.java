package dev.tunescope.plot;

import java.util.ArrayList;
import java.util.List;

/** Evenly spaced values; ticks at 1, 2 or 5 times a power of ten. */
public record LinearScale(double min, double max, double pixelFrom, double pixelTo) implements Scale {

    public LinearScale {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("a linear scale needs finite min < max, got [" + min + ", " + max + "]");
        }
        if (!Double.isFinite(pixelFrom) || !Double.isFinite(pixelTo) || pixelFrom == pixelTo) {
            throw new IllegalArgumentException("a scale needs two different finite pixels, got " + pixelFrom
                    + " and " + pixelTo);
        }
        if (!Double.isFinite(max - min)) {
            throw new IllegalArgumentException("domain too wide for a linear scale: [" + min + ", " + max + "]");
        }
    }

    @Override
    public ScaleType type() {
        return ScaleType.LINEAR;
    }

    @Override
    public double toPixel(double value) {
        return pixelFrom + (value - min) / (max - min) * (pixelTo - pixelFrom);
    }

    @Override
    public double toValue(double pixel) {
        return min + (pixel - pixelFrom) / (pixelTo - pixelFrom) * (max - min);
    }

    @Override
    public boolean canShow(double value) {
        return Double.isFinite(value);
    }

    @Override
    public LinearScale withPixels(double from, double to) {
        return new LinearScale(min, max, from, to);
    }

    @Override
    public List<Tick> ticks(int target) {
        return niceTicks(min, max, target);
    }

    /**
     * Ticks at multiples of 1, 2 or 5 times a power of ten: the step nearest (on a log scale) to a {@code target}-th
     * of the domain, made smaller until at least two ticks fall inside. All are major.
     */
    static List<Tick> niceTicks(double min, double max, int target) {
        double raw = (max - min) / Math.max(1, target);
        int exponent = (int) Math.floor(Math.log10(raw));
        double fraction = raw / Math.pow(10, exponent);
        // rung 0, 1, 2 = 1, 2, 5 times 10^exponent; the thresholds are the geometric midpoints
        int rung = fraction < Math.sqrt(2) ? 0 : fraction < Math.sqrt(10) ? 1 : fraction < Math.sqrt(50) ? 2 : 3;
        exponent += rung / 3;
        rung %= 3;
        while (true) {
            List<Tick> ticks = ticksAt(min, max, MULTIPLES[rung], exponent);
            if (ticks.size() >= 2) {
                return ticks;
            }
            if (--rung < 0) {
                rung = 2;
                exponent--;
            }
        }
    }

    private static final int[] MULTIPLES = {1, 2, 5};

    private static List<Tick> ticksAt(double min, double max, int multiple, int exponent) {
        double step = multiple * Math.pow(10, exponent);
        double slack = step * 1e-9; // a tick a rounding error outside the domain is still on it
        long first = (long) Math.ceil((min - slack) / step);
        long last = (long) Math.floor((max + slack) / step);
        List<Tick> ticks = new ArrayList<>();
        for (long k = first; k <= last && ticks.size() < 1000; k++) {
            // k * multiple / 10^-e is exact for decimal ticks where k * step would carry binary noise (0.30000000000000004)
            double value = exponent < 0 ? (k * multiple) / Math.pow(10, -exponent) : k * multiple * Math.pow(10, exponent);
            ticks.add(new Tick(value, TickLabels.format(value), true));
        }
        return ticks;
    }
}
