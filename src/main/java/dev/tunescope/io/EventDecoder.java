package dev.tunescope.io;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * Decodes TensorBoard {@code Event} protos (tensorflow/core/util/event.proto) straight from their wire bytes.
 *
 * <p>Only the fields Tunescope uses are read; everything else is skipped by wire type. Decoding by hand, with
 * protobuf-java's {@link CodedInputStream}, avoids building a message object per event and needs no generated
 * classes. Field numbers:
 * <pre>
 * Event:            1 wall_time (double), 2 step (int64), 5 summary, 7 session_log
 * SessionLog:       1 status (enum; START = 1)
 * Summary:          1 value (repeated)
 * Summary.Value:    1 tag, 2 simple_value (float), 5 histo (HistogramProto), 8 tensor (TensorProto), 9 metadata
 * SummaryMetadata:  1 plugin_data { 1 plugin_name, 2 content }, 4 data_class (1 = scalar)
 * </pre>
 * Tensor values and the hparams plugin's content are handed to {@link TensorDecoder} and
 * {@link HparamsPluginDecoder}.
 */
final class EventDecoder {
    private static final int SESSION_LOG_START = 1;
    private static final int DATA_CLASS_SCALAR = 1;

    private final TagCache tags = new TagCache();

    /** Decodes one event; throws {@link IOException} for bytes that are not a valid Event. */
    void decode(byte[] data, int offset, int length, EventSink sink) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data, offset, length);
        double wallTime = Double.NaN;
        long step = 0;
        int summaryOffset = -1;
        int summaryLength = 0;
        boolean sessionStart = false;
        int field;
        while ((field = in.readTag()) != 0) {
            switch (field) {
                case (1 << 3) | WireFormat.WIRETYPE_FIXED64 -> wallTime = in.readDouble();
                case (2 << 3) | WireFormat.WIRETYPE_VARINT -> step = in.readInt64();
                case (5 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                    summaryLength = in.readRawVarint32();
                    summaryOffset = offset + in.getTotalBytesRead();
                    in.skipRawBytes(summaryLength);
                }
                case (7 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> sessionStart = isSessionStart(in.readByteArray());
                default -> in.skipField(field);
            }
        }
        // The summary is decoded last because its points need the step and wall time, which a writer may put
        // after it on the wire.
        if (sessionStart) {
            sink.sessionStart(step);
        }
        if (summaryOffset >= 0) {
            decodeSummary(CodedInputStream.newInstance(data, summaryOffset, summaryLength), data, summaryOffset,
                    step, wallTime, sink);
        }
    }

    private static boolean isSessionStart(byte[] sessionLog) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(sessionLog);
        int field;
        boolean start = false;
        while ((field = in.readTag()) != 0) {
            if (field == ((1 << 3) | WireFormat.WIRETYPE_VARINT)) {
                start = in.readEnum() == SESSION_LOG_START;
            } else {
                in.skipField(field);
            }
        }
        return start;
    }

    private void decodeSummary(CodedInputStream in, byte[] data, int base, long step, double wallTime,
                               EventSink sink) throws IOException {
        int field;
        while ((field = in.readTag()) != 0) {
            if (field == ((1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                int length = in.readRawVarint32();
                int at = base + in.getTotalBytesRead();
                in.skipRawBytes(length);
                decodeValue(data, at, length, step, wallTime, sink);
            } else {
                in.skipField(field);
            }
        }
    }

    private void decodeValue(byte[] data, int offset, int length, long step, double wallTime, EventSink sink)
            throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(data, offset, length);
        String tag = "";
        float simpleValue = 0;
        boolean hasSimpleValue = false;
        byte[] histo = null;
        byte[] tensor = null;
        ValueMetadata metadata = ValueMetadata.NONE;
        int field;
        while ((field = in.readTag()) != 0) {
            switch (field) {
                case (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> {
                    int tagLength = in.readRawVarint32();
                    tag = tags.get(data, offset + in.getTotalBytesRead(), tagLength);
                    in.skipRawBytes(tagLength);
                }
                case (2 << 3) | WireFormat.WIRETYPE_FIXED32 -> {
                    simpleValue = in.readFloat();
                    hasSimpleValue = true;
                }
                case (5 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> histo = in.readByteArray();
                case (8 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> tensor = in.readByteArray();
                case (9 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> metadata = ValueMetadata.decode(in.readByteArray());
                default -> in.skipField(field);
            }
        }
        if (hasSimpleValue) {
            sink.scalar(tag, step, wallTime, simpleValue);
        } else if (histo != null) {
            sink.histogram(tag, step, wallTime, HistogramDecoder.decode(histo));
        } else if (metadata.isPlugin("hparams")) {
            HparamsPluginDecoder.sessionStartHyperparameters(metadata.content()).ifPresent(sink::hyperparameters);
        } else if (tensor != null && (metadata.isPlugin("scalars") || metadata.dataClass() == DATA_CLASS_SCALAR)) {
            TensorDecoder.Tensor t = TensorDecoder.decode(tensor);
            if (t.size() == 1) {
                sink.scalar(tag, step, wallTime, t.get(0));
            } else {
                sink.skipped(tag, "a scalar tensor holds " + t.size() + " values");
            }
        } else if (tensor != null && metadata.isPlugin("histograms")) {
            TensorDecoder.Tensor t = TensorDecoder.decode(tensor);
            sink.histogram(tag, step, wallTime, HistogramDecoder.fromTriples(t));
        }
    }
}
