package dev.tunescope.io;

import java.util.zip.CRC32C;

/**
 * The checksum of TFRecord framing: CRC32C (Castagnoli), then "masked" by rotating right 15 bits and adding a
 * constant, so that a CRC stored next to the data it covers does not look like data.
 */
public final class MaskedCrc32c {
    private static final int MASK_DELTA = 0xa282ead8;

    private MaskedCrc32c() {
    }

    public static int crc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    public static int mask(int crc) {
        return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
    }

    public static int masked(byte[] bytes, int offset, int length) {
        return mask(crc32c(bytes, offset, length));
    }

    /** The same with a caller's reusable checksum object, for loops over millions of records. */
    public static int masked(CRC32C crc, byte[] bytes, int offset, int length) {
        crc.reset();
        crc.update(bytes, offset, length);
        return mask((int) crc.getValue());
    }
}
