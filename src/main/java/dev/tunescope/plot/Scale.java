package dev.tunescope.plot;

import java.util.List;

/**
 * Maps a data interval {@code [min, max]} onto a pixel interval {@code [pixelFrom, pixelTo]} and back. The pixel
 * interval may run backwards (a y axis grows upwards while pixels grow downwards).
 *
 * <p>Both mappings are monotonic, also in floating point, so the extremes of a set of values are the extremes of
 * their pixels: {@link M4Reducer} relies on it.
 */
public sealed interface Scale permits LinearScale, LogScale {

    double min();

    double max();

    double pixelFrom();

    double pixelTo();

    ScaleType type();

    /** The pixel of a data value; NaN for a value this scale cannot show (a non-positive value on a log scale). */
    double toPixel(double value);

    /** The data value at a pixel: the inverse of {@link #toPixel}. */
    double toValue(double pixel);

    /** Whether {@link #toPixel} gives a finite pixel for this value. */
    boolean canShow(double value);

    /** The same domain mapped onto other pixels. */
    Scale withPixels(double pixelFrom, double pixelTo);

    /** Ticks for about one labelled tick per 80 pixels (at least 2, at most 10). */
    default List<Tick> ticks() {
        int target = (int) Math.round(Math.abs(pixelTo() - pixelFrom()) / 80);
        return ticks(Math.max(2, Math.min(10, target)));
    }

    /** Ticks inside the domain with about {@code target} labelled ones, in increasing value order. */
    List<Tick> ticks(int target);

    /** A scale of the given type. */
    static Scale of(ScaleType type, double min, double max, double pixelFrom, double pixelTo) {
        return switch (type) {
            case LINEAR -> new LinearScale(min, max, pixelFrom, pixelTo);
            case LOG -> new LogScale(min, max, pixelFrom, pixelTo);
        };
    }
}
