package dev.tunescope.diagnose;

/**
 * A place in a plot that a finding points at: a span of steps of one tag of one run (a single point when
 * {@code fromStep == toStep}), with the value that matters there (NaN where none does).
 */
public record Mark(String run, String tag, long fromStep, long toStep, double value) {

    public static Mark point(String run, String tag, long step, double value) {
        return new Mark(run, tag, step, step, value);
    }

    public static Mark span(String run, String tag, long fromStep, long toStep) {
        return new Mark(run, tag, fromStep, toStep, Double.NaN);
    }
}
