package dev.tunescope.io;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Decodes the numbers of a {@code TensorProto} (tensorflow/core/framework/tensor.proto), as TF2 summaries store
 * scalars and histograms: either packed little-endian in {@code tensor_content} (field 4) or in the typed value
 * field of the dtype (5 float_val, 6 double_val, 7 int_val, 10 int64_val, 13 half_val).
 */
final class TensorDecoder {
    static final int DT_FLOAT = 1;
    static final int DT_DOUBLE = 2;
    static final int DT_INT32 = 3;
    static final int DT_INT64 = 9;
    static final int DT_BFLOAT16 = 14;
    static final int DT_HALF = 19;

    /** A decoded tensor's numbers in row-major order, widened to double. */
    record Tensor(int dtype, double[] values) {
        int size() {
            return values.length;
        }

        double get(int index) {
            return values[index];
        }
    }

    private TensorDecoder() {
    }

    static Tensor decode(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        int dtype = 0;
        byte[] content = null;
        DoubleList typed = new DoubleList();
        DoubleList sixteenBitPatterns = new DoubleList(); // half_val holds raw bits for both half and bfloat16
        int field;
        while ((field = in.readTag()) != 0) {
            int number = WireFormat.getTagFieldNumber(field);
            int wireType = WireFormat.getTagWireType(field);
            switch (number) {
                case 1 -> dtype = in.readEnum();
                case 4 -> content = in.readByteArray();
                case 5 -> readTyped(in, wireType, typed, WireFormat.WIRETYPE_FIXED32, s -> s.readFloat());
                case 6 -> readTyped(in, wireType, typed, WireFormat.WIRETYPE_FIXED64, CodedInputStream::readDouble);
                case 7 -> readTyped(in, wireType, typed, WireFormat.WIRETYPE_VARINT, s -> s.readInt32());
                case 10 -> readTyped(in, wireType, typed, WireFormat.WIRETYPE_VARINT, s -> (double) s.readInt64());
                case 13 -> readTyped(in, wireType, sixteenBitPatterns, WireFormat.WIRETYPE_VARINT, s -> s.readInt32());
                default -> in.skipField(field);
            }
        }
        for (int i = 0; i < sixteenBitPatterns.size(); i++) {
            typed.add(sixteenBit(dtype, (int) sixteenBitPatterns.get(i)));
        }
        double[] values = content != null && content.length > 0 ? fromContent(dtype, content) : typed.toArray();
        return new Tensor(dtype, values);
    }

    private interface Reader {
        double read(CodedInputStream in) throws IOException;
    }

    private static void readTyped(CodedInputStream in, int wireType, DoubleList out, int elementWireType,
                                  Reader reader) throws IOException {
        if (wireType == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            int limit = in.pushLimit(in.readRawVarint32());
            while (in.getBytesUntilLimit() > 0) {
                out.add(reader.read(in));
            }
            in.popLimit(limit);
        } else if (wireType == elementWireType) {
            out.add(reader.read(in));
        } else {
            throw new IOException("tensor value of unexpected wire type " + wireType);
        }
    }

    private static double[] fromContent(int dtype, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int width = switch (dtype) {
            case DT_FLOAT, DT_INT32 -> 4;
            case DT_DOUBLE, DT_INT64 -> 8;
            case DT_HALF, DT_BFLOAT16 -> 2;
            default -> throw new IOException("tensor dtype " + dtype + " is not a number type Tunescope reads");
        };
        if (content.length % width != 0) {
            throw new IOException("tensor_content of " + content.length + " bytes is not a whole number of "
                    + width + "-byte values");
        }
        double[] values = new double[content.length / width];
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (dtype) {
                case DT_FLOAT -> buffer.getFloat();
                case DT_INT32 -> buffer.getInt();
                case DT_DOUBLE -> buffer.getDouble();
                case DT_INT64 -> buffer.getLong();
                default -> sixteenBit(dtype, buffer.getShort());
            };
        }
        return values;
    }

    /** IEEE half, or bfloat16 (the top 16 bits of a float). */
    private static double sixteenBit(int dtype, int bits) {
        return dtype == DT_BFLOAT16 ? Float.intBitsToFloat((bits & 0xFFFF) << 16) : Float.float16ToFloat((short) bits);
    }
}
