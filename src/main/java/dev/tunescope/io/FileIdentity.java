package dev.tunescope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Remembers the first bytes of a file being tailed, so that a file that was truncated, rotated or rewritten
 * in place between two reads is noticed even when it has grown past the old offset again.
 */
final class FileIdentity {
    private static final int PREFIX = 64;
    private byte[] prefix = new byte[0];

    /** True when the file can no longer be the one read up to {@code offset}. */
    boolean changed(FileChannel channel, long offset) throws IOException {
        if (channel.size() < offset) {
            return true;
        }
        byte[] now = readPrefix(channel, prefix.length);
        return !Arrays.equals(now, prefix);
    }

    void remember(FileChannel channel) throws IOException {
        prefix = readPrefix(channel, (int) Math.min(PREFIX, channel.size()));
    }

    private static byte[] readPrefix(FileChannel channel, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                break;
            }
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
