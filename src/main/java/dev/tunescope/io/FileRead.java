package dev.tunescope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * How far a run cache read one source file, and how to tell that file again: its size and modification time then,
 * and checksums of its first bytes and of the bytes just before where reading stopped. The cache is trusted for a
 * file only while it is the same file (size, time and head unchanged) or that file with bytes appended (larger,
 * head and the bytes before the offset unchanged); anything else reads the run afresh.
 *
 * @param name     the file's path inside the run folder
 * @param list     which of the run's file lists it is in (its own files, or its hparams sub-folders')
 * @param offset   where the next read starts
 * @param size     the file's size when it was read
 * @param modified its modification time then, in milliseconds
 */
record FileRead(String name, int list, long offset, long size, long modified, int headCrc, int tailCrc) {
    static final int CHECKED = 4096;

    /** The record of {@code file}, read up to {@code offset} when it was {@code size} bytes long. */
    static FileRead of(Path file, String name, int list, long offset, long size) throws IOException {
        try (FileChannel channel = RegularFiles.open(file)) {
            return new FileRead(name, list, offset, size, Files.getLastModifiedTime(file).toMillis(),
                    crc(channel, 0, Math.min(CHECKED, size)), tailCrc(channel, offset));
        }
    }

    /** True when the cache may be trusted for {@code file} as it is now. */
    boolean stillHolds(Path file) {
        try (FileChannel channel = RegularFiles.open(file)) {
            long now = channel.size();
            if (now < size || now < offset) {
                return false;
            }
            if (now == size && Files.getLastModifiedTime(file).toMillis() != modified) {
                return false; // rewritten in place
            }
            return crc(channel, 0, Math.min(CHECKED, size)) == headCrc && tailCrc(channel, offset) == tailCrc;
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static int tailCrc(FileChannel channel, long offset) throws IOException {
        long from = Math.max(0, offset - CHECKED);
        return crc(channel, from, offset - from);
    }

    private static int crc(FileChannel channel, long from, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, from + buffer.position()) < 0) {
                break;
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        return (int) crc.getValue();
    }
}
