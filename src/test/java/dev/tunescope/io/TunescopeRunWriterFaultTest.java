package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunStatus;
import dev.tunescope.testing.SmallTmpfs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TunescopeRunWriter} when the disk fills up, and the permissions of what it writes. */
class TunescopeRunWriterFaultTest {
    @TempDir
    Path dir;

    @Test
    void runJsonGetsTheSamePermissionsAsTheLogsBesideIt() throws IOException {
        Path runDir = dir.resolve("run");
        try (TunescopeRunWriter writer = TunescopeRunWriter.create(runDir, TunescopeRoundTripTest.info())) {
            writer.metrics(1, Map.of("train/loss", 1.0));
            writer.status(RunStatus.FINISHED);
        }
        assertThat(Files.getPosixFilePermissions(runDir.resolve("run.json")))
                .isEqualTo(Files.getPosixFilePermissions(runDir.resolve("metrics.jsonl")));
    }

    /**
     * A device that takes {@code room} more bytes and then refuses, as a full disk does: the write that reaches
     * the end is cut short (the kernel's short write), the next one fails with ENOSPC.
     */
    private static final class FillingChannel implements SeekableByteChannel {
        private final SeekableByteChannel real;
        private long room;

        FillingChannel(SeekableByteChannel real, long room) {
            this.real = real;
            this.room = room;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (room <= 0) {
                throw new IOException("No space left on device");
            }
            ByteBuffer part = source.slice(source.position(), (int) Math.min(room, source.remaining()));
            int written = real.write(part);
            source.position(source.position() + written);
            room -= written;
            return written;
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return real.read(destination);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public SeekableByteChannel position(long position) throws IOException {
            real.position(position);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return real.isOpen();
        }

        @Override
        public void close() throws IOException {
            real.close();
        }
    }

    @Test
    void aLineCutShortByAFullDeviceIsTakenBackAndTheRunSaysWhyItFailed() throws IOException {
        Path runDir = dir.resolve("run");
        TunescopeRunWriter writer = TunescopeRunWriter.create(runDir, TunescopeRoundTripTest.info(),
                TunescopeRoundTripTest.CLOCK, file -> new FillingChannel(Files.newByteChannel(file,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), 300));
        int written = 0;
        IOException failure = null;
        for (int step = 1; step <= 100 && failure == null; step++) {
            try {
                writer.metrics(step, Map.of("train/loss", 1.0 / step));
                written++;
            } catch (IOException full) {
                failure = full;
            }
        }

        assertThat(failure).isNotNull()
                .hasMessage("could not write " + runDir.resolve("metrics.jsonl") + ": No space left on device");
        String log = Files.readString(runDir.resolve("metrics.jsonl"));
        assertThat(log).endsWith("\n");
        assertThat(log.lines()).hasSize(written);
        writer.status(RunStatus.FAILED, Map.of("reason", failure.getMessage()));
        writer.close();
        Run read = new TunescopeRunSource(runDir, "run").refresh();
        assertThat(read.status()).isEqualTo(RunStatus.FAILED);
        assertThat(read.scalars().get("train/loss").size()).isEqualTo(written);
        assertThat(read.warnings()).isEmpty();
        assertThat(runDir.resolve(TunescopeRunWriter.RESERVE)).doesNotExist();
    }

    /** The reserve at work on a file system that refuses to grow: jimfs with a size limit (no root needed). */
    @Test
    void onAFullInMemoryDiskTheReserveLeavesRoomToMarkTheRunFailed() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(512)
                .setMaxSize(64 * 1024).build())) {
            fillAndMarkFailed(fs.getPath("/runs/run"));
        }
    }

    /** The same on a real 64 KiB tmpfs, whose short writes leave half a line unless the writer takes it back. */
    @Test
    void onAFullTmpfsTheLogEndsWithAWholeLineAndTheRunIsMarkedFailed() throws Exception {
        try (SmallTmpfs tmpfs = SmallTmpfs.mount(dir.resolve("small"), "64k")) {
            fillAndMarkFailed(tmpfs.root().resolve("run"));
        }
    }

    private static void fillAndMarkFailed(Path runDir) throws IOException {
        IOException failure = null;
        try (TunescopeRunWriter writer = TunescopeRunWriter.create(runDir, TunescopeRoundTripTest.info())) {
            for (long step = 1; failure == null; step++) {
                try {
                    writer.metrics(step, Map.of("train/loss", 1.0 / step, "train/grad_norm", 2.0 / step));
                } catch (IOException full) {
                    failure = full;
                }
            }
            writer.status(RunStatus.FAILED, Map.of("reason", failure.getMessage()));
        }
        assertThat(failure).hasMessageStartingWith("could not write " + runDir.resolve("metrics.jsonl") + ": ");
        assertThat(Files.readString(runDir.resolve("metrics.jsonl"))).endsWith("\n");
        JsonNode runJson = TunescopeJson.MAPPER.readTree(Files.readString(runDir.resolve("run.json")));
        assertThat(runJson.get("status").asText()).isEqualTo("failed");
        assertThat(runJson.at("/workload/reason").asText()).isEqualTo(failure.getMessage());
        Run read = new TunescopeRunSource(runDir, "run").refresh();
        assertThat(read.warnings()).isEmpty();
    }
}
