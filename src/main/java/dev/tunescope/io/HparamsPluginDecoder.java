package dev.tunescope.io;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import dev.tunescope.run.HyperparameterValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a trial's hyperparameters from the TensorBoard hparams plugin's content
 * (tensorboard/plugins/hparams/plugin_data.proto):
 * <pre>
 * HParamsPluginData: 3 session_start_info
 * SessionStartInfo:  1 hparams (map&lt;string, google.protobuf.Value&gt;: entry 1 key, 2 value)
 * Value:             2 number_value (double), 3 string_value, 4 bool_value
 * </pre>
 * The experiment and session-end records carry no values of a trial and are ignored.
 */
final class HparamsPluginDecoder {
    private HparamsPluginDecoder() {
    }

    static Optional<Map<String, HyperparameterValue>> sessionStartHyperparameters(byte[] content) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(content);
        int field;
        while ((field = in.readTag()) != 0) {
            if (field == ((3 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                return Optional.of(hparamsOf(in.readByteArray()));
            }
            in.skipField(field);
        }
        return Optional.empty();
    }

    private static Map<String, HyperparameterValue> hparamsOf(byte[] sessionStartInfo) throws IOException {
        Map<String, HyperparameterValue> values = new LinkedHashMap<>();
        CodedInputStream in = CodedInputStream.newInstance(sessionStartInfo);
        int field;
        while ((field = in.readTag()) != 0) {
            if (field == ((1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                CodedInputStream entry = CodedInputStream.newInstance(in.readByteArray());
                String key = null;
                HyperparameterValue value = null;
                int inner;
                while ((inner = entry.readTag()) != 0) {
                    switch (inner) {
                        case (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> key = entry.readStringRequireUtf8();
                        case (2 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> value = valueOf(entry.readByteArray());
                        default -> entry.skipField(inner);
                    }
                }
                if (key != null && value != null) {
                    values.put(key, value);
                }
            } else {
                in.skipField(field);
            }
        }
        return values;
    }

    private static HyperparameterValue valueOf(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        HyperparameterValue value = null;
        int field;
        while ((field = in.readTag()) != 0) {
            switch (field) {
                case (2 << 3) | WireFormat.WIRETYPE_FIXED64 -> value = new HyperparameterValue.Number(in.readDouble());
                case (3 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED ->
                        value = new HyperparameterValue.Text(in.readStringRequireUtf8());
                case (4 << 3) | WireFormat.WIRETYPE_VARINT -> value = new HyperparameterValue.Flag(in.readBool());
                default -> in.skipField(field);
            }
        }
        return value;
    }
}
