package dev.tunescope.testing;

import com.google.protobuf.CodedOutputStream;
import dev.tunescope.run.Histogram;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Writes TensorBoard event files the way TensorFlow's writers frame them, for tests and benchmarks that need
 * files of a chosen shape or size (real third-party files live in the shared fixtures). Encodes by hand with
 * protobuf-java's {@link CodedOutputStream}, independently of the reader under test.
 */
public final class EventFileWriter implements Closeable {
    private final OutputStream out;

    public EventFileWriter(Path file) throws IOException {
        this.out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        writeEvent(event(0, 0, e -> e.writeString(3, "brain.Event:2")));
    }

    public void scalar(String tag, long step, double wallTime, float value) throws IOException {
        writeEvent(summaryEvent(step, wallTime, value(tag, v -> v.writeFloat(2, value))));
    }

    /** A TF2-style scalar: a float tensor with the "scalars" plugin in its metadata. */
    public void tensorScalar(String tag, long step, double wallTime, float value) throws IOException {
        byte[] tensor = message(t -> {
            t.writeEnum(1, 1); // DT_FLOAT
            t.writeByteArray(4, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array());
        });
        writeEvent(summaryEvent(step, wallTime, value(tag, v -> {
            v.writeByteArray(9, pluginMetadata("scalars", new byte[0]));
            v.writeByteArray(8, tensor);
        })));
    }

    public void histogram(String tag, long step, double wallTime, Histogram h) throws IOException {
        byte[] histo = message(p -> {
            p.writeDouble(1, h.min());
            p.writeDouble(2, h.max());
            p.writeDouble(3, h.num());
            p.writeDouble(4, h.sum());
            p.writeDouble(5, h.sumSquares());
            p.writeByteArray(6, packedDoubles(h.bucketLimits()));
            p.writeByteArray(7, packedDoubles(h.counts()));
        });
        writeEvent(summaryEvent(step, wallTime, value(tag, v -> v.writeByteArray(5, histo))));
    }

    /** A TF2-style histogram: a [k, 3] double tensor of (left, right, count) rows. */
    public void tensorHistogram(String tag, long step, double wallTime, double[][] rows) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(rows.length * 24).order(ByteOrder.LITTLE_ENDIAN);
        for (double[] row : rows) {
            content.putDouble(row[0]).putDouble(row[1]).putDouble(row[2]);
        }
        byte[] tensor = message(t -> {
            t.writeEnum(1, 2); // DT_DOUBLE
            t.writeByteArray(4, content.array());
        });
        writeEvent(summaryEvent(step, wallTime, value(tag, v -> {
            v.writeByteArray(9, pluginMetadata("histograms", new byte[0]));
            v.writeByteArray(8, tensor);
        })));
    }

    /** The hparams plugin's session_start_info with numeric hyperparameters, as add_hparams writes it. */
    public void hparams(Map<String, Double> values) throws IOException {
        byte[] startInfo = message(s -> {
            for (Map.Entry<String, Double> e : values.entrySet()) {
                byte[] value = message(v -> v.writeDouble(2, e.getValue()));
                s.writeByteArray(1, message(entry -> {
                    entry.writeString(1, e.getKey());
                    entry.writeByteArray(2, value);
                }));
            }
        });
        byte[] pluginData = message(p -> {
            p.writeInt32(1, 0);
            p.writeByteArray(3, startInfo);
        });
        writeEvent(summaryEvent(0, 0, value("_hparams_/session_start_info",
                v -> v.writeByteArray(9, pluginMetadata("hparams", pluginData)))));
    }

    /** A SessionLog START at {@code step}: the run restarted from a checkpoint. */
    public void sessionStart(long step, double wallTime) throws IOException {
        writeEvent(event(step, wallTime, e -> e.writeByteArray(7, message(s -> s.writeEnum(1, 1)))));
    }

    /** Frames arbitrary bytes as one record (for records that are not events). */
    public void rawRecord(byte[] payload) throws IOException {
        writeEvent(payload);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /** The TFRecord framing: length, masked CRC of the length, data, masked CRC of the data. */
    public static byte[] frame(byte[] data) {
        ByteBuffer record = ByteBuffer.allocate(16 + data.length).order(ByteOrder.LITTLE_ENDIAN);
        record.putLong(data.length);
        record.putInt(maskedCrc(record.array(), 0, 8));
        record.put(data);
        record.putInt(maskedCrc(data, 0, data.length));
        return record.array();
    }

    static int maskedCrc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + 0xa282ead8;
    }

    private void writeEvent(byte[] event) throws IOException {
        out.write(frame(event));
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream coded = CodedOutputStream.newInstance(bytes);
        body.write(coded);
        coded.flush();
        return bytes.toByteArray();
    }

    private static byte[] event(long step, double wallTime, Body rest) throws IOException {
        return message(e -> {
            e.writeDouble(1, wallTime);
            e.writeInt64(2, step);
            rest.write(e);
        });
    }

    private static byte[] summaryEvent(long step, double wallTime, byte[] value) throws IOException {
        byte[] summary = message(s -> s.writeByteArray(1, value));
        return event(step, wallTime, e -> e.writeByteArray(5, summary));
    }

    private static byte[] value(String tag, Body rest) throws IOException {
        return message(v -> {
            v.writeString(1, tag);
            rest.write(v);
        });
    }

    private static byte[] pluginMetadata(String plugin, byte[] content) throws IOException {
        return message(m -> m.writeByteArray(1, message(p -> {
            p.writeString(1, plugin);
            p.writeByteArray(2, content);
        })));
    }

    private static byte[] packedDoubles(double[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buffer.putDouble(v);
        }
        return buffer.array();
    }
}
