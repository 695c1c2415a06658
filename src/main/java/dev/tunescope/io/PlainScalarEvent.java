package dev.tunescope.io;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The event nearly every record of a training log is, read straight through: wall time, step, and a summary of one
 * value made of a tag and a {@code simple_value}, in that order and nothing else, which is what TensorFlow and
 * tensorboardX write for a scalar. {@link EventDecoder}'s field-by-field reading of the same bytes costs several
 * times more per record, most of it in the generality this shape does not need.
 *
 * <p>Any byte that differs from that shape (another field, another order, a length or a step that takes more
 * bytes than it does here, a record that ends early or late) makes {@link #read} return false having reported
 * nothing, and the event is then read field by field: this is only a shortcut, never a second opinion.
 * The layout, with {@code Lv}, {@code Lt}: one-byte lengths and {@code step} a varint of at most 9 bytes:
 * <pre>
 * 09 wall_time(8)  10 step  2A Ls { 0A Lv { 0A Lt tag(Lt)  15 simple_value(4) } }
 * </pre>
 */
final class PlainScalarEvent {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int WALL_TIME = (1 << 3) | WireReader.FIXED64;
    private static final int STEP = (2 << 3) | WireReader.VARINT;
    private static final int SUMMARY = (5 << 3) | WireReader.LENGTH_DELIMITED;
    private static final int VALUE = (1 << 3) | WireReader.LENGTH_DELIMITED;
    private static final int TAG = (1 << 3) | WireReader.LENGTH_DELIMITED;
    private static final int SIMPLE_VALUE = (2 << 3) | WireReader.FIXED32;
    /** The bytes after the step of an event whose tag is empty: 2A, Ls, 0A, Lv, 0A, Lt, 15 and the float. */
    private static final int AFTER_STEP = 11;
    /** Nine bytes hold any step below 2^63: the longest step the shortcut reads, so none of them overflows. */
    private static final int LONGEST_STEP = 9;

    private PlainScalarEvent() {
    }

    /** Reads {@code data[offset, offset + length)} into {@code sink} if it has that shape; false, untouched, if not. */
    static boolean read(byte[] data, int offset, int length, TagTable tags, EventSink sink) {
        int end = offset + length;
        int p = offset;
        if (length < 1 + 8 + 2 + AFTER_STEP || data[p] != WALL_TIME || data[p + 9] != STEP) {
            return false;
        }
        double wallTime = Double.longBitsToDouble((long) LONG.get(data, p + 1));
        p += 10;
        long step = 0;
        int stepEnd = Math.min(p + LONGEST_STEP, end - AFTER_STEP);
        for (int shift = 0; ; shift += 7) {
            if (p == stepEnd) {
                return false;
            }
            byte b = data[p++];
            step |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                break;
            }
        }
        // p + AFTER_STEP <= end: the fixed bytes below are all there; each length must end exactly where its
        // enclosing message does, which also keeps the tag's bytes inside the record
        if (data[p] != SUMMARY || data[p + 1] != end - p - 2
                || data[p + 2] != VALUE || data[p + 3] != end - p - 4
                || data[p + 4] != TAG || data[p + 5] != end - p - 6 - 5) {
            return false;
        }
        int tagStart = p + 6;
        int tagLength = data[p + 5];
        int valueAt = tagStart + tagLength;
        if (data[valueAt] != SIMPLE_VALUE) {
            return false;
        }
        float value = Float.intBitsToFloat((int) INT.get(data, valueAt + 1));
        int tagId = tags.idOf(data, tagStart, tagLength);
        String tag = tagId == TagTable.NONE ? new String(data, tagStart, tagLength, UTF_8) : tags.name(tagId);
        sink.scalar(tagId, tag, step, wallTime, value);
        return true;
    }
}
