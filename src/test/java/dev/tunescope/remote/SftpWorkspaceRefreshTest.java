package dev.tunescope.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.run.Run;
import dev.tunescope.testing.Fixtures;
import dev.tunescope.testing.LoopbackSshServer;
import dev.tunescope.workspace.Workspace;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's refresh of a remote folder across a dropped connection: the folder is walked again to find new runs,
 * and a walk whose first requests die with the connection must not make the runs it could not list vanish (and
 * their points, and the user's selection of them, with them).
 */
class SftpWorkspaceRefreshTest {
    @TempDir
    Path dir;

    /** The walk's own listing of the run's folder dies: MINA throws that out of the walk, which starts again. */
    @Test
    void aWalkBrokenOffByADroppedConnectionIsWalkedAgain() throws Exception {
        refreshWithTheConnectionKilledAtListing(1);
    }

    /** The listing that looks for the run's event files dies: the run looks like none, and is looked for again. */
    @Test
    void aRunThatLooksGoneBecauseItsListingDiedIsLookedForAgain() throws Exception {
        refreshWithTheConnectionKilledAtListing(2);
    }

    private void refreshWithTheConnectionKilledAtListing(int nth) throws Exception {
        try (LoopbackSshServer server = new LoopbackSshServer(Fixtures.root(), LoopbackSshServer.ecKey());
             SshFolders folders = new SshFolders(server.sshDir(dir.resolve("home")), HostKeyConsent.REFUSE,
                     FilePasswordProvider.EMPTY)) {
            Path tb = folders.open(SshLocation.parse(server.address("tb")));
            Workspace opened = Workspace.open(tb, DiagnosisSettings.DEFAULTS);
            server.killWhenListed("lr_1.00e-02", nth); // one run's folder

            Workspace refreshed = opened.refresh();

            assertThat(server.sessionsOpened()).as("the kill happened").isEqualTo(2);
            assertThat(paths(refreshed)).contains("mlp_lr_sweep/lr_1.00e-02").isEqualTo(paths(opened));
            assertThat(refreshed.sources()).as("the same sources, keeping what they read")
                    .containsExactlyElementsOf(opened.sources());
        }
    }

    private static List<String> paths(Workspace workspace) {
        return workspace.studies().stream().flatMap(s -> s.runs().stream()).map(Run::path)
                .sorted(Comparator.naturalOrder()).toList();
    }
}
