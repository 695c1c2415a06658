package dev.tunescope.io;

import dev.tunescope.run.InOrderPool;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/** How many threads search and read one folder's runs; kept here because only {@code io} knows file systems. */
final class FolderThreads {
    private FolderThreads() {}

    /**
     * Those of {@link InOrderPool#threadsFromSettings()} on this machine's own file system, one on a remote folder,
     * whose reads share one SFTP connection that is re-opened under them when it drops.
     */
    static int forFolder(Path folder) {
        return folder.getFileSystem() == FileSystems.getDefault() ? InOrderPool.threadsFromSettings() : 1;
    }
}
