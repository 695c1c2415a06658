package dev.tunescope.io;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.tunescope.run.Histogram;
import java.io.IOException;

/**
 * Decodes TensorBoard histograms in their two forms: {@code HistogramProto} (TF1, tensorboardX, PyTorch's
 * SummaryWriter) and the TF2 tensor of {@code [k, 3]} rows {@code (left edge, right edge, count)}.
 */
final class HistogramDecoder {
    private HistogramDecoder() {
    }

    /**
     * HistogramProto: 1 min, 2 max, 3 num, 4 sum, 5 sum_squares (doubles), 6 bucket_limit and 7 bucket
     * (repeated doubles, packed or not).
     */
    static Histogram decode(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        double min = Double.NaN;
        double max = Double.NaN;
        double num = 0;
        double sum = 0;
        double sumSquares = 0;
        DoubleList limits = new DoubleList();
        DoubleList counts = new DoubleList();
        int field;
        while ((field = in.readTag()) != 0) {
            int number = WireFormat.getTagFieldNumber(field);
            int wireType = WireFormat.getTagWireType(field);
            switch (number) {
                case 1 -> min = readDouble(in, wireType, field);
                case 2 -> max = readDouble(in, wireType, field);
                case 3 -> num = readDouble(in, wireType, field);
                case 4 -> sum = readDouble(in, wireType, field);
                case 5 -> sumSquares = readDouble(in, wireType, field);
                case 6 -> readRepeatedDouble(in, wireType, field, limits);
                case 7 -> readRepeatedDouble(in, wireType, field, counts);
                default -> in.skipField(field);
            }
        }
        if (limits.size() != counts.size()) {
            throw new IOException("histogram has " + limits.size() + " bucket limits but " + counts.size()
                    + " counts");
        }
        return new Histogram(min, max, num, sum, sumSquares, limits.toArray(), counts.toArray());
    }

    /**
     * The TF2 form. Its rows carry no sum or sum of squares, so those are NaN rather than a guess; min and max are
     * the outer edges.
     */
    static Histogram fromTriples(TensorDecoder.Tensor tensor) throws IOException {
        if (tensor.size() % 3 != 0) {
            throw new IOException("a histogram tensor must hold (left, right, count) rows, not " + tensor.size()
                    + " values");
        }
        int rows = tensor.size() / 3;
        double[] limits = new double[rows];
        double[] counts = new double[rows];
        double num = 0;
        for (int row = 0; row < rows; row++) {
            limits[row] = tensor.get(3 * row + 1);
            counts[row] = tensor.get(3 * row + 2);
            num += counts[row];
        }
        double min = rows == 0 ? Double.NaN : tensor.get(0);
        double max = rows == 0 ? Double.NaN : limits[rows - 1];
        return new Histogram(min, max, num, Double.NaN, Double.NaN, limits, counts);
    }

    private static double readDouble(CodedInputStream in, int wireType, int field) throws IOException {
        if (wireType != WireFormat.WIRETYPE_FIXED64) {
            in.skipField(field);
            return Double.NaN;
        }
        return in.readDouble();
    }

    private static void readRepeatedDouble(CodedInputStream in, int wireType, int field, DoubleList out)
            throws IOException {
        if (wireType == WireFormat.WIRETYPE_FIXED64) {
            out.add(in.readDouble());
        } else if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int length = in.readRawVarint32();
            int limit = in.pushLimit(length);
            while (in.getBytesUntilLimit() > 0) {
                out.add(in.readDouble());
            }
            in.popLimit(limit);
        } else {
            in.skipField(field);
        }
    }
}
