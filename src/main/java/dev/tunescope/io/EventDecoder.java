package dev.tunescope.io;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.tunescope.run.Histogram;
import java.io.IOException;

/**
 * Decodes TensorBoard {@code Event} protos (tensorflow/core/util/event.proto) straight from their wire bytes.
 *
 * <p>Only the fields Tunescope uses are read; everything else is skipped by wire type. The envelope every record
 * goes through is read with one reused {@link WireReader}; the sub-messages met more rarely (histograms, tensors,
 * plugin data) with protobuf-java's {@code CodedInputStream}. No message object is built per event and no
 * generated classes are needed. The common one-scalar event is read first by the shortcut {@link PlainScalarEvent}.
 * Field numbers:
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

    private final TagTable tags = new TagTable();

    /**
     * A summary value waits here until the whole event is read, because its point needs the step and wall time,
     * which a writer may put after the summary on the wire. Reused across events: most hold one value.
     */
    private final java.util.List<Pending> pending = new java.util.ArrayList<>();
    private int pendingCount;

    private static final class Pending {
        int tagId; // the tag's number in this file's TagTable, or TagTable.NONE
        String tag;
        boolean scalar;
        double value;
        Histogram histogram;
    }

    private final WireReader in = new WireReader();

    /** Decodes one event; throws {@link IOException} for bytes that are not a valid Event. */
    void decode(byte[] data, int offset, int length, EventSink sink) throws IOException {
        if (!PlainScalarEvent.read(data, offset, length, tags, sink)) {
            decodeFields(data, offset, length, sink);
        }
    }

    /** Decodes one event field by field, whatever its shape (the tests compare it with the shortcut). */
    void decodeFields(byte[] data, int offset, int length, EventSink sink) throws IOException {
        in.reset(data, offset, length);
        double wallTime = Double.NaN;
        long step = 0;
        boolean sessionStart = false;
        pendingCount = 0;
        int field;
        while ((field = in.readTag()) != 0) {
            switch (field) {
                case (1 << 3) | WireReader.FIXED64 -> wallTime = in.readDouble();
                case (2 << 3) | WireReader.VARINT -> step = in.readVarint();
                case (5 << 3) | WireReader.LENGTH_DELIMITED -> decodeSummary(sink);
                case (7 << 3) | WireReader.LENGTH_DELIMITED -> sessionStart = isSessionStart(in.readBytes());
                default -> in.skipField(field);
            }
        }
        if (sessionStart) {
            sink.sessionStart(step);
        }
        for (int i = 0; i < pendingCount; i++) {
            Pending p = pending.get(i);
            if (p.scalar) {
                sink.scalar(p.tagId, p.tag, step, wallTime, p.value);
            } else {
                sink.histogram(p.tag, step, wallTime, p.histogram);
            }
            p.histogram = null;
        }
    }

    private Pending nextPending() {
        if (pendingCount == pending.size()) {
            pending.add(new Pending());
        }
        return pending.get(pendingCount++);
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

    /** Summary: repeated Value (field 1). */
    private void decodeSummary(EventSink sink) throws IOException {
        int summaryLimit = in.pushLimit(in.readLength());
        int field;
        while ((field = in.readTag()) != 0) {
            if (field == ((1 << 3) | WireReader.LENGTH_DELIMITED)) {
                int valueLimit = in.pushLimit(in.readLength());
                decodeValue(sink);
                in.popLimit(valueLimit);
            } else {
                in.skipField(field);
            }
        }
        in.popLimit(summaryLimit);
    }

    /**
     * A value that holds a tag and a {@code simple_value} only, what TensorFlow and tensorboardX write for every
     * scalar, is read here; at the first other field the value is read again from its start by
     * {@link #decodeAnyValue}. Kept small so that the compiler inlines it into the loop over values.
     */
    private void decodeValue(EventSink sink) throws IOException {
        int start = in.position();
        int tagId = TagTable.NONE;
        String tag = "";
        float simpleValue = 0;
        boolean hasSimpleValue = false;
        int field;
        while ((field = in.readTag()) != 0) {
            if (field == ((1 << 3) | WireReader.LENGTH_DELIMITED)) {
                int tagLength = in.readLength();
                tagId = tags.idOf(in.data(), in.position(), tagLength);
                tag = tagId == TagTable.NONE ? new String(in.data(), in.position(), tagLength, UTF_8)
                        : tags.name(tagId);
                in.skip(tagLength);
            } else if (field == ((2 << 3) | WireReader.FIXED32)) {
                simpleValue = in.readFloat();
                hasSimpleValue = true;
            } else {
                in.seek(start);
                decodeAnyValue(sink);
                return;
            }
        }
        if (hasSimpleValue) {
            scalar(tagId, tag, simpleValue);
        }
    }

    private void decodeAnyValue(EventSink sink) throws IOException {
        int tagId = TagTable.NONE;
        String tag = "";
        float simpleValue = 0;
        boolean hasSimpleValue = false;
        byte[] histo = null;
        byte[] tensor = null;
        ValueMetadata metadata = ValueMetadata.NONE;
        int field;
        while ((field = in.readTag()) != 0) {
            switch (field) {
                case (1 << 3) | WireReader.LENGTH_DELIMITED -> {
                    int tagLength = in.readLength();
                    tagId = tags.idOf(in.data(), in.position(), tagLength);
                    tag = tagId == TagTable.NONE ? new String(in.data(), in.position(), tagLength, UTF_8)
                            : tags.name(tagId);
                    in.skip(tagLength);
                }
                case (2 << 3) | WireReader.FIXED32 -> {
                    simpleValue = in.readFloat();
                    hasSimpleValue = true;
                }
                case (5 << 3) | WireReader.LENGTH_DELIMITED -> histo = in.readBytes();
                case (8 << 3) | WireReader.LENGTH_DELIMITED -> tensor = in.readBytes();
                case (9 << 3) | WireReader.LENGTH_DELIMITED -> metadata = ValueMetadata.decode(in.readBytes());
                default -> in.skipField(field);
            }
        }
        if (hasSimpleValue) {
            scalar(tagId, tag, simpleValue);
        } else if (histo != null) {
            histogram(tag, HistogramDecoder.decode(histo));
        } else if (metadata.isPlugin("hparams")) {
            HparamsPluginDecoder.sessionStartHyperparameters(metadata.content()).ifPresent(sink::hyperparameters);
        } else if (tensor != null && (metadata.isPlugin("scalars") || metadata.dataClass() == DATA_CLASS_SCALAR)) {
            TensorDecoder.Tensor t = TensorDecoder.decode(tensor);
            if (t.size() == 1) {
                scalar(tagId, tag, t.get(0));
            } else {
                sink.skipped(tag, "a scalar tensor holds " + t.size() + " values");
            }
        } else if (tensor != null && metadata.isPlugin("histograms")) {
            histogram(tag, HistogramDecoder.fromTriples(TensorDecoder.decode(tensor)));
        }
    }

    private void scalar(int tagId, String tag, double value) {
        Pending p = nextPending();
        p.tagId = tagId;
        p.tag = tag;
        p.scalar = true;
        p.value = value;
    }

    private void histogram(String tag, Histogram histogram) {
        Pending p = nextPending();
        p.tag = tag;
        p.scalar = false;
        p.histogram = histogram;
    }
}
