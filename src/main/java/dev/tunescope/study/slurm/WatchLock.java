package dev.tunescope.study.slurm;

import dev.tunescope.study.StudyFolderConflict;
import dev.tunescope.train.TrialFolder;
import dev.tunescope.io.HeldFileLock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Held by the one Tunescope that submits and follows a trial's job ({@value #NAME}, an operating-system lock the
 * kernel drops however that process ends), so two studies never submit the same trial at once. It is not the
 * trial folder's own lock: the job's Tunescope on the node holds that one while it trains.
 */
final class WatchLock implements AutoCloseable {
    static final String NAME = TrialFolder.CLUSTER_JOB_PREFIX + "watch.lock";

    private final HeldFileLock lock;

    private WatchLock(HeldFileLock lock) {
        this.lock = lock;
    }

    /** @throws StudyFolderConflict when another Tunescope (or another study in this one) follows the trial */
    static WatchLock claim(Path runDir) throws IOException {
        return new WatchLock(HeldFileLock.tryLock(runDir.resolve(NAME)).orElseThrow(() -> new StudyFolderConflict(
                StudyFolderConflict.Kind.TRIAL_IN_USE, runDir, runDir + " is being submitted to Slurm and followed"
                + " by another Tunescope process; let it finish or stop it, then run again")));
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
