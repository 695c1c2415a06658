package dev.tunescope.io;

import java.util.OptionalDouble;

/**
 * One line of an MLflow metric file, {@code "<timestamp ms> <value> <step>"}. Files from MLflow releases
 * before steps existed have only the first two fields; MLflow's own reader gives those step 0, and so does
 * this one. The value is Python's {@code str(float)}, so non-finite values read {@code nan}, {@code inf},
 * {@code -inf}.
 */
record MlflowMetricLine(long timestampMillis, double value, long step) {

    /** Seconds since the epoch, the unit of wall times in a run. */
    double wallTime() {
        return timestampMillis / 1000.0;
    }

    static MlflowMetricLine parse(String text) throws MalformedLineException {
        String[] fields = text.strip().split("\\s+");
        if (fields.length != 2 && fields.length != 3) {
            throw new MalformedLineException("expected \"<timestamp> <value> <step>\" (2 or 3 fields) but found "
                    + fields.length + " field(s): " + MalformedLineException.quote(text));
        }
        long timestamp = integer(fields[0], "timestamp", text);
        OptionalDouble value = FloatText.parse(fields[1]);
        if (value.isEmpty()) {
            throw new MalformedLineException("the value is not a number: " + MalformedLineException.quote(text));
        }
        long step = fields.length == 3 ? integer(fields[2], "step", text) : 0;
        return new MlflowMetricLine(timestamp, value.getAsDouble(), step);
    }

    private static long integer(String field, String what, String text) throws MalformedLineException {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException notInteger) {
            throw new MalformedLineException("the " + what + " is not an integer: "
                    + MalformedLineException.quote(text));
        }
    }
}
