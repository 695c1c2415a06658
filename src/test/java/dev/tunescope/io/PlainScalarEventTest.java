package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import dev.tunescope.run.Histogram;
import dev.tunescope.run.HyperparameterValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The shortcut for one-scalar events reads exactly what field-by-field decoding reads, or leaves the event to it. */
class PlainScalarEventTest {

    /** What a sink was told, in order, as text: equal lists mean equal reports, NaN and signed zeros included. */
    private static final class Recorder implements EventSink {
        final List<String> said = new ArrayList<>();

        @Override
        public void scalar(int tagId, String tag, long step, double wallTime, double value) {
            said.add("scalar " + tagId + " " + tag + " " + step + " " + Double.doubleToRawLongBits(wallTime) + " "
                    + Double.doubleToRawLongBits(value));
        }

        @Override
        public void histogram(String tag, long step, double wallTime, Histogram histogram) {
            said.add("histogram " + tag + " " + step);
        }

        @Override
        public void hyperparameters(Map<String, HyperparameterValue> values) {
            said.add("hparams " + values);
        }

        @Override
        public void sessionStart(long step) {
            said.add("start " + step);
        }

        @Override
        public void skipped(String tag, String why) {
            said.add("skipped " + tag + " " + why);
        }
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** An event as TensorFlow and tensorboardX write a scalar. */
    private static byte[] plainScalar(String tag, long step, double wallTime, float value) throws IOException {
        byte[] summaryValue = message(v -> {
            v.writeString(1, tag);
            v.writeFloat(2, value);
        });
        byte[] summary = message(s -> s.writeByteArray(1, summaryValue));
        return message(e -> {
            e.writeDouble(1, wallTime);
            e.writeInt64(2, step);
            e.writeByteArray(5, summary);
        });
    }

    /** What each way of reading reports for {@code event} placed inside a larger buffer, as records are. */
    private static List<List<String>> bothWays(byte[] event, String... tagsBefore) {
        byte[] buffer = new byte[event.length + 16];
        System.arraycopy(event, 0, buffer, 5, event.length);
        List<List<String>> reports = new ArrayList<>();
        for (boolean shortcut : new boolean[] {true, false}) {
            EventDecoder decoder = new EventDecoder();
            Recorder recorder = new Recorder();
            try {
                for (String tag : tagsBefore) { // the same tag numbers on both sides
                    byte[] earlier = plainScalar(tag, 0, 0, 0);
                    decoder.decodeFields(earlier, 0, earlier.length, recorder);
                }
                recorder.said.clear();
                if (shortcut) {
                    decoder.decode(buffer, 5, event.length, recorder);
                } else {
                    decoder.decodeFields(buffer, 5, event.length, recorder);
                }
            } catch (IOException | RuntimeException e) {
                recorder.said.add("fails: " + e.getMessage());
            }
            reports.add(recorder.said);
        }
        return reports;
    }

    @Test
    void aPlainScalarIsReadByTheShortcut() throws IOException {
        byte[] event = plainScalar("train/loss", 1234, 1_795_436_463.5, 0.25f);
        TagTable tags = new TagTable();
        Recorder recorder = new Recorder();
        assertThat(PlainScalarEvent.read(event, 0, event.length, tags, recorder)).isTrue();
        assertThat(recorder.said).containsExactly("scalar 0 train/loss 1234 "
                + Double.doubleToRawLongBits(1_795_436_463.5) + " " + Double.doubleToRawLongBits(0.25));
    }

    @Test
    void otherShapesAreLeftToTheFieldByFieldReading() throws IOException {
        byte[] longTag = plainScalar("t".repeat(128), 1, 1, 1); // a two-byte length
        byte[] negativeStep = plainScalar("loss", -1, 1, 1); // a ten-byte varint
        byte[] twoValues = message(e -> {
            e.writeDouble(1, 1);
            e.writeInt64(2, 1);
            e.writeByteArray(5, message(s -> {
                s.writeByteArray(1, message(v -> {
                    v.writeString(1, "a");
                    v.writeFloat(2, 1);
                }));
                s.writeByteArray(1, message(v -> {
                    v.writeString(1, "b");
                    v.writeFloat(2, 2);
                }));
            }));
        });
        byte[] stepFirst = message(e -> {
            e.writeInt64(2, 7);
            e.writeDouble(1, 1);
            e.writeByteArray(5, message(s -> s.writeByteArray(1, message(v -> {
                v.writeString(1, "a");
                v.writeFloat(2, 1);
            }))));
        });
        for (byte[] event : List.of(longTag, negativeStep, twoValues, stepFirst)) {
            assertThat(PlainScalarEvent.read(event, 0, event.length, new TagTable(), new Recorder())).isFalse();
            List<List<String>> reports = bothWays(event);
            assertThat(reports.get(0)).isEqualTo(reports.get(1)).isNotEmpty();
        }
    }

    @Property(tries = 3000)
    void bothWaysReportTheSameForAnyScalarEvent(@ForAll @StringLength(max = 140) String tag, @ForAll long step,
                                                 @ForAll double wallTime, @ForAll float value) throws IOException {
        List<List<String>> reports = bothWays(plainScalar(tag, step, wallTime, value), "other", tag);
        assertThat(reports.get(0)).isEqualTo(reports.get(1)).hasSize(1);
    }

    @Property(tries = 5000)
    void bothWaysReportTheSameForAnyDamagedOrCutEvent(@ForAll @IntRange(min = 0, max = 1000) int at,
                                                      @ForAll @IntRange(min = 0, max = 255) int mask,
                                                      @ForAll @IntRange(min = 0, max = 40) int cut,
                                                      @ForAll @IntRange(min = 0, max = 1 << 20) int step)
            throws IOException {
        byte[] event = plainScalar("train/metric_3", step, 1_795_436_463.429321, 0.5f);
        event[at % event.length] ^= (byte) mask;
        byte[] shorter = Arrays.copyOf(event, Math.max(0, event.length - cut % 3 * (cut % 7)));
        List<List<String>> reports = bothWays(shorter, "train/metric_3");
        assertThat(reports.get(0)).isEqualTo(reports.get(1));
    }
}
