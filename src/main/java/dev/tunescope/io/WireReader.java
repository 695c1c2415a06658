package dev.tunescope.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * A reusable reader of protobuf wire format over a byte array, for the event envelope that every record of an
 * event file goes through (Event, Summary, Summary.Value). protobuf-java's {@code CodedInputStream} allocates a
 * decoder per message; at ten million events a file that garbage set the pace of the whole read, so the hot path
 * reuses this one object. Nested messages are read within limits; anything that does not fit them is an
 * {@link IOException}.
 */
final class WireReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] data;
    private int position;
    private int limit;

    void reset(byte[] bytes, int offset, int length) {
        data = bytes;
        position = offset;
        limit = offset + length;
    }

    int position() {
        return position;
    }

    byte[] data() {
        return data;
    }

    /** The next field's tag (number << 3 | wire type), or 0 at the end of the current limit. */
    int readTag() throws IOException {
        if (position >= limit) {
            return 0;
        }
        int first = data[position];
        if (first >= 1 << 3) { // the common case, fields 1 to 15: one byte, no continuation bit, a field number
            position++;
            return first;
        }
        long tag = readVarint();
        if (tag <= 0 || tag > Integer.MAX_VALUE || (tag >>> 3) == 0) {
            throw new IOException("invalid field tag " + tag + " at byte " + position);
        }
        return (int) tag;
    }

    long readVarint() throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (position >= limit) {
                throw new IOException("a varint runs past the end of its message");
            }
            byte b = data[position++];
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new IOException("malformed varint");
    }

    double readDouble() throws IOException {
        return Double.longBitsToDouble(readFixed64());
    }

    float readFloat() throws IOException {
        require(4);
        int bits = (int) INT.get(data, position); // one little-endian load, not four byte loads and shifts
        position += 4;
        return Float.intBitsToFloat(bits);
    }

    private long readFixed64() throws IOException {
        require(8);
        long bits = (long) LONG.get(data, position);
        position += 8;
        return bits;
    }

    /** Reads a length prefix and checks that that many bytes follow within the current limit. */
    int readLength() throws IOException {
        long length = readVarint();
        if (length < 0 || length > limit - position) {
            throw new IOException("a field of " + length + " bytes runs past the end of its message");
        }
        return (int) length;
    }

    /** A length-delimited field's bytes, copied (for the rarely met sub-messages decoded elsewhere). */
    byte[] readBytes() throws IOException {
        int length = readLength();
        byte[] copy = java.util.Arrays.copyOfRange(data, position, position + length);
        position += length;
        return copy;
    }

    /** Goes back to {@code earlier}, a position already read within the current limit. */
    void seek(int earlier) {
        position = earlier;
    }

    void skip(int count) throws IOException {
        require(count);
        position += count;
    }

    /** Narrows reading to the next {@code length} bytes; returns the old limit for {@link #popLimit}. */
    int pushLimit(int length) {
        int old = limit;
        limit = position + length;
        return old;
    }

    void popLimit(int old) {
        position = limit;
        limit = old;
    }

    void skipField(int tag) throws IOException {
        switch (tag & 7) {
            case VARINT -> readVarint();
            case FIXED64 -> skip(8);
            case LENGTH_DELIMITED -> skip(readLength());
            case FIXED32 -> skip(4);
            default -> throw new IOException("unsupported wire type " + (tag & 7));
        }
    }

    private void require(int count) throws IOException {
        if (count < 0 || count > limit - position) {
            throw new IOException("a field runs past the end of its message");
        }
    }
}
