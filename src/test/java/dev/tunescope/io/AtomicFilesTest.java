package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import dev.tunescope.testing.SmallTmpfs;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    private static String[] namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void replacesTheFileWholeAndLeavesNothingElseBehind() throws IOException {
        Path target = dir.resolve("config.yaml");
        AtomicFiles.writeString(target, "first: 1\n");
        AtomicFiles.writeString(target, "second: 2\n");

        assertThat(target).hasContent("second: 2");
        assertThat(namesIn(dir)).containsExactly("config.yaml");
    }

    @Test
    void aNewFileGetsWhatTheUmaskGivesAnyOtherFile() throws IOException {
        Path sibling = Files.createFile(dir.resolve("sibling")); // created the ordinary way, honouring the umask
        Path target = dir.resolve("run.json");
        AtomicFiles.writeString(target, "{}");

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(sibling));
    }

    @Test
    void aReplacedFileKeepsThePermissionsItHad() throws IOException {
        Path target = dir.resolve("report.html");
        AtomicFiles.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.writeString(target, "new");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
    }

    @Test
    void aMissingFolderIsOneLineNamingTheFile() {
        Path target = dir.resolve("no-such-folder/x.json");
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "{}"))
                .isInstanceOf(IOException.class)
                .hasMessage("could not write " + target + ": no such file or folder");
    }

    /** Jimfs with a size limit: a full disk that needs no root, so this variant runs everywhere. */
    @Test
    void onAFullInMemoryDiskThePreviousFileIsIntactAndNoTemporaryFileIsLeft() throws IOException {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setBlockSize(1024)
                .setMaxSize(16 * 1024).build())) {
            Path folder = Files.createDirectories(fs.getPath("/study"));
            fullDiskKeepsThePreviousFile(folder, () -> fillJimfs(folder));
        }
    }

    /** A real tmpfs of 64 KiB: the kernel's ENOSPC. */
    @Test
    void onAFullTmpfsThePreviousFileIsIntactAndNoTemporaryFileIsLeft() throws Exception {
        try (SmallTmpfs tmpfs = SmallTmpfs.mount(dir.resolve("small"), "64k")) {
            fullDiskKeepsThePreviousFile(tmpfs.root(), () -> tmpfs.fill("filler"));
        }
    }

    private interface Filler {
        void fill() throws IOException;
    }

    private static void fullDiskKeepsThePreviousFile(Path folder, Filler filler) throws IOException {
        Path target = folder.resolve("study.json");
        AtomicFiles.writeString(target, "{\"kind\": \"lr-sweep\"}\n");
        filler.fill();
        byte[] large = new byte[32 * 1024];

        assertThatThrownBy(() -> AtomicFiles.write(target, large))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("could not write " + target + ": ")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("Exception");
        assertThat(Files.readString(target)).isEqualTo("{\"kind\": \"lr-sweep\"}\n");
        assertThat(namesIn(folder)).containsExactly("filler", "study.json");
    }

    private static void fillJimfs(Path folder) throws IOException {
        try (var out = Files.newOutputStream(folder.resolve("filler"))) {
            while (true) {
                out.write(new byte[512]);
            }
        } catch (IOException full) {
            // out of disk space
        }
    }
}
