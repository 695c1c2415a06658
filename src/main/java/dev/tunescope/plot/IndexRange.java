package dev.tunescope.plot;

/** Indices {@code [from, to)} of a series. */
public record IndexRange(int from, int to) {

    public IndexRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("not an index range: [" + from + ", " + to + ")");
        }
    }

    public int size() {
        return to - from;
    }
}
