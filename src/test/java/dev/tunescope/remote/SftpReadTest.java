package dev.tunescope.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.LoopbackSftp;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The readers on a file system that is not the local one: the real fixtures served by an embedded SSH server on
 * loopback and read through MINA SSHD's SFTP file system provider read exactly as they do locally. A reader that
 * leans on {@code toFile()}, on local-only channel features or on the default file system fails here.
 */
class SftpReadTest {
    private static LoopbackSftp sftp;

    @BeforeAll
    static void serveTheFixtures() throws Exception {
        sftp = new LoopbackSftp(Fixtures.root());
    }

    @AfterAll
    static void stop() throws Exception {
        if (sftp != null) {
            sftp.close();
        }
    }

    @Test
    void everyFixtureFormatReadsOverSftpAsItDoesLocally() throws Exception {
        for (String format : List.of("tb", "lightning_csv", "keras_csv", "mlflow")) {
            Map<String, Run> local = byPath(RunLoader.loadAll(Fixtures.resolve(format)));
            Path there = sftp.path(format);
            Map<String, Run> overSftp = byPath(RunLoader.loadAll(there));

            assertThat(overSftp.keySet()).as(format).isEqualTo(local.keySet()).isNotEmpty();
            for (String run : local.keySet()) {
                Run a = local.get(run);
                Run b = overSftp.get(run);
                assertThat(b.format()).as(run).isEqualTo(a.format());
                assertThat(b.hyperparameters().values().keySet()).as(run)
                        .isEqualTo(a.hyperparameters().values().keySet());
                assertThat(b.scalars().keySet()).as(run).isEqualTo(a.scalars().keySet());
                for (String tag : a.scalars().keySet()) {
                    ScalarSeries x = a.scalars().get(tag);
                    ScalarSeries y = b.scalars().get(tag);
                    assertThat(y.stepsCopy()).as(run + " " + tag).isEqualTo(x.stepsCopy());
                    assertThat(y.valuesCopy()).as(run + " " + tag).isEqualTo(x.valuesCopy());
                }
                assertThat(b.histograms().keySet()).as(run).isEqualTo(a.histograms().keySet());
                assertThat(b.warnings()).as(run).hasSameSizeAs(a.warnings());
            }
        }
    }

    private static Map<String, Run> byPath(List<Run> runs) {
        Map<String, Run> out = new TreeMap<>(Comparator.naturalOrder());
        runs.forEach(r -> out.put(r.path(), r));
        return out;
    }
}
