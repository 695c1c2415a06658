package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskedCrc32cTest {

    @Test
    void crc32cOfTheStandardCheckString() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(MaskedCrc32c.crc32c(check, 0, check.length)).isEqualTo(0xe3069283);
    }

    @Test
    void maskedCrcOfAKnownRecordPrefix() {
        byte[] text = "CRC test, one two".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[2 + text.length];
        bytes[0] = 0x1a;
        bytes[1] = 0x11;
        System.arraycopy(text, 0, bytes, 2, text.length);
        assertThat(bytes).hasSize(19);
        assertThat(MaskedCrc32c.masked(bytes, 0, bytes.length)).isEqualTo(0x5794d08a);
    }
}
