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
            prefix = new byte[0];
            return true;
        }
        byte[] now = readPrefix(channel, prefix.length);
        if (!Arrays.equals(now, prefix)) {
            prefix = new byte[0]; // another file now: remember reads its prefix afresh
            return true;
        }
        return false;
    }

    /**
     * Keeps the file's first bytes after a read. Once the whole prefix is known it is not read again: {@link #changed}
     * has just compared it, and over a remote file system every read is a round trip.
     */
    void remember(FileChannel channel) throws IOException {
        if (prefix.length < PREFIX && channel.size() > prefix.length) {
            prefix = readPrefix(channel, (int) Math.min(PREFIX, channel.size()));
        }
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
