package dev.tunescope.run;

/**
 * Summary of a series' values. {@code min} and {@code max} are over finite values only and are NaN when there
 * are none; non-finite values are counted, never dropped.
 */
public record SeriesStats(int count, double min, double max, int nan, int positiveInfinity, int negativeInfinity) {

    public int nonFinite() {
        return nan + positiveInfinity + negativeInfinity;
    }

    static SeriesStats of(ScalarSeries series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int nan = 0;
        int posInf = 0;
        int negInf = 0;
        int count = series.size();
        for (int i = 0; i < count; i++) {
            double v = series.value(i);
            if (Double.isNaN(v)) {
                nan++;
            } else if (v == Double.POSITIVE_INFINITY) {
                posInf++;
            } else if (v == Double.NEGATIVE_INFINITY) {
                negInf++;
            } else {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        boolean anyFinite = count > nan + posInf + negInf;
        return new SeriesStats(count, anyFinite ? min : Double.NaN, anyFinite ? max : Double.NaN,
                nan, posInf, negInf);
    }
}
