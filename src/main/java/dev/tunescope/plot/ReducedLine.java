package dev.tunescope.plot;

import java.util.Arrays;

/**
 * The output of {@link M4Reducer}: a polyline in pixels, cut into segments where the series has values the y
 * axis cannot show, plus markers where those values are NaN or infinite.
 *
 * <p>Reusable: {@link M4Reducer#reduceInto} clears and refills it, keeping its arrays, so a chart redrawing every
 * frame allocates nothing once the arrays have grown. The raw arrays are handed out for drawing calls that take
 * arrays (a canvas {@code strokePolyline}); they belong to this object, are valid up to {@link #size()} and are
 * overwritten by the next reduction.
 */
public final class ReducedLine {
    private double[] x = new double[64];
    private double[] y = new double[64];
    private int[] source = new int[64];
    private int size;
    private int[] segmentStarts = new int[8];
    private int segments;
    private long[] markerSteps = new long[8];
    private double[] markerX = new double[8];
    private NonFinite[] markerKinds = new NonFinite[8];
    private int markers;

    public void clear() {
        size = 0;
        segments = 0;
        markers = 0;
    }

    /** Points in the polyline, all segments together. */
    public int size() {
        return size;
    }

    public double x(int point) {
        return x[point];
    }

    public double y(int point) {
        return y[point];
    }

    /** The index in the series of the point drawn here (for tooltips that need the exact step and value). */
    public int sourceIndex(int point) {
        return source[point];
    }

    public int segmentCount() {
        return segments;
    }

    /** The first point of a segment. */
    public int segmentStart(int segment) {
        return segmentStarts[segment];
    }

    /** One past the last point of a segment. */
    public int segmentEnd(int segment) {
        return segment + 1 < segments ? segmentStarts[segment + 1] : size;
    }

    /** Markers of non-finite values: at most one per kind and pixel column, at its first step there. */
    public int markerCount() {
        return markers;
    }

    public long markerStep(int marker) {
        return markerSteps[marker];
    }

    public double markerX(int marker) {
        return markerX[marker];
    }

    public NonFinite markerKind(int marker) {
        return markerKinds[marker];
    }

    /** The x pixels; valid up to {@link #size()}, owned by this object. */
    public double[] xArray() {
        return x;
    }

    /** The y pixels; valid up to {@link #size()}, owned by this object. */
    public double[] yArray() {
        return y;
    }

    void startSegment() {
        if (segments == segmentStarts.length) {
            segmentStarts = Arrays.copyOf(segmentStarts, segments * 2);
        }
        segmentStarts[segments++] = size;
    }

    void add(double px, double py, int index) {
        if (size == x.length) {
            int capacity = size * 2;
            x = Arrays.copyOf(x, capacity);
            y = Arrays.copyOf(y, capacity);
            source = Arrays.copyOf(source, capacity);
        }
        x[size] = px;
        y[size] = py;
        source[size] = index;
        size++;
    }

    void addMarker(long step, double px, NonFinite kind) {
        if (markers == markerSteps.length) {
            int capacity = markers * 2;
            markerSteps = Arrays.copyOf(markerSteps, capacity);
            markerX = Arrays.copyOf(markerX, capacity);
            markerKinds = Arrays.copyOf(markerKinds, capacity);
        }
        markerSteps[markers] = step;
        markerX[markers] = px;
        markerKinds[markers] = kind;
        markers++;
    }

    @Override
    public String toString() {
        return "ReducedLine[" + size + " points, " + segments + " segments, " + markers + " markers]";
    }
}
