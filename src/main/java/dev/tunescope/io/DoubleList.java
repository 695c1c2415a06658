package dev.tunescope.io;

import java.util.Arrays;

/** A growable list of primitive doubles, for decoding repeated fields without boxing. */
final class DoubleList {
    private double[] values = new double[8];
    private int size;

    void add(double value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    double get(int index) {
        return values[index];
    }

    double[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
