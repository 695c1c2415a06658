package dev.tunescope.plot;

import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.ScalarSeriesBuilder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * What a line chart's x axis measures: steps, wall time, or time since the run's first point (runs started at
 * different times are compared from their starts). Time axes carry milliseconds in the series' step column, so
 * the charts' reduction and ranges work unchanged; formatting turns them back into times.
 */
public enum XAxis {
    STEP("step"),
    WALL_TIME("wall time"),
    RELATIVE_TIME("relative time");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final String title;

    XAxis(String title) {
        this.title = title;
    }

    /** The axis title, also the chooser's entry: "wall time". */
    public String title() {
        return title;
    }

    /**
     * The series with this axis' x in its step column; empty for a time axis when the format records no wall
     * times. Points logged in the same millisecond are nudged a millisecond apart (a series' steps increase).
     */
    public Optional<ScalarSeries> apply(ScalarSeries series) {
        if (this == STEP) {
            return Optional.of(series);
        }
        if (!series.hasWallTimes() || series.isEmpty()) {
            return Optional.empty();
        }
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder(series.tag());
        double origin = this == RELATIVE_TIME ? series.wallTime(0) : 0;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < series.size(); i++) {
            double wall = series.wallTime(i);
            if (!Double.isFinite(wall)) {
                continue;
            }
            long ms = Math.max(Math.round((wall - origin) * 1000), last == Long.MIN_VALUE ? Long.MIN_VALUE : last + 1);
            builder.add(ms, series.value(i), wall);
            last = ms;
        }
        return Optional.of(builder.build());
    }

    /** An x value as people read it: a step number, a clock time, or a duration ("1:05:30", "4:10", "12.5 s"). */
    public String format(double x) {
        return switch (this) {
            case STEP -> TickLabels.format(x);
            case WALL_TIME -> CLOCK.format(Instant.ofEpochMilli(Math.round(x)));
            case RELATIVE_TIME -> duration(x / 1000);
        };
    }

    static String duration(double seconds) {
        if (Math.abs(seconds) < 60) {
            return TickLabels.format(Math.round(seconds * 10) / 10.0) + " s";
        }
        long s = Math.round(seconds);
        long sign = Long.signum(s);
        s = Math.abs(s);
        String text = s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        return sign < 0 ? "-" + text : text;
    }
}
