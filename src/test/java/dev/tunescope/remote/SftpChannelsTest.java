package dev.tunescope.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.io.LoadResult;
import dev.tunescope.io.RunDiscovery;
import dev.tunescope.io.RunLoader;
import dev.tunescope.io.RunSource;
import dev.tunescope.run.Run;
import dev.tunescope.testing.LoopbackSshServer;
import dev.tunescope.testing.TinyRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many runs, one connection: a folder of hundreds of runs is read over one SSH session and one SFTP channel, also
 * when eight threads refresh its runs at once. MINA SSHD 2.20's SFTP file system sends every request over a single
 * channel (its older per-thread pool, and the {@code sftp-fs-pool-*} properties that sized it, are gone), so there
 * is no pool to size: the server sees one channel a folder, however the runs are read.
 */
class SftpChannelsTest {
    private static final int RUNS = 300;

    @TempDir
    Path dir;

    @Test
    void hundredsOfRunsAreReadOverOneSessionAndOneChannelEvenFromEightThreads() throws Exception {
        TinyRuns.write(dir.resolve("served/sweep"), RUNS);
        try (LoopbackSshServer server = new LoopbackSshServer(dir.resolve("served"), LoopbackSshServer.ecKey());
             SshFolders folders = new SshFolders(server.sshDir(dir.resolve("home")), HostKeyConsent.REFUSE,
                     FilePasswordProvider.EMPTY)) {
            Path sweep = folders.open(SshLocation.parse(server.address("sweep")));

            LoadResult once = RunLoader.load(sweep);
            List<RunSource> sources = RunDiscovery.discover(sweep);
            ExecutorService threads = Executors.newFixedThreadPool(8);
            List<Future<Run>> refreshed;
            try {
                refreshed = threads.invokeAll(sources.stream().map(s -> (java.util.concurrent.Callable<Run>) s::refresh)
                        .toList());
            } finally {
                threads.shutdown();
            }

            assertThat(once.runs()).hasSize(RUNS).allSatisfy(run -> assertThat(run.warnings()).isEmpty());
            for (Future<Run> run : refreshed) {
                assertThat(run.get().scalars().get("loss").size()).isEqualTo(2);
            }
            assertThat(refreshed).hasSize(RUNS);
            assertThat(server.sessionsOpened()).isEqualTo(1);
            assertThat(server.channelsOpened()).isEqualTo(1);
            assertThat(server.mostChannelsOpen()).isEqualTo(1);
        }
    }
}
