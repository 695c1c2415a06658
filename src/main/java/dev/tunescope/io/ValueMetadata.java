package dev.tunescope.io;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * The part of a summary value's {@code SummaryMetadata} that says what the value is: the plugin that wrote it
 * (with its content) and the data class.
 */
record ValueMetadata(String pluginName, byte[] content, int dataClass) {
    static final ValueMetadata NONE = new ValueMetadata("", new byte[0], 0);

    boolean isPlugin(String name) {
        return pluginName.equals(name);
    }

    static ValueMetadata decode(byte[] bytes) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        String plugin = "";
        byte[] content = new byte[0];
        int dataClass = 0;
        int field;
        while ((field = in.readTag()) != 0) {
            if (field == ((1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
                CodedInputStream pluginData = CodedInputStream.newInstance(in.readByteArray());
                int inner;
                while ((inner = pluginData.readTag()) != 0) {
                    switch (inner) {
                        case (1 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> plugin = pluginData.readStringRequireUtf8();
                        case (2 << 3) | WireFormat.WIRETYPE_LENGTH_DELIMITED -> content = pluginData.readByteArray();
                        default -> pluginData.skipField(inner);
                    }
                }
            } else if (field == ((4 << 3) | WireFormat.WIRETYPE_VARINT)) {
                dataClass = in.readEnum();
            } else {
                in.skipField(field);
            }
        }
        return new ValueMetadata(plugin, content, dataClass);
    }
}
