package dev.tunescope.study.slurm;

import dev.tunescope.study.StudyFolderConflict;
import dev.tunescope.train.TrialFolder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Held by the one Tunescope that submits and follows a trial's job ({@value #NAME}, an operating-system lock the
 * kernel drops however that process ends), so two studies never submit the same trial at once. It is not the
 * trial folder's own lock: the job's Tunescope on the node holds that one while it trains.
 */
final class WatchLock implements AutoCloseable {
    static final String NAME = TrialFolder.CLUSTER_JOB_PREFIX + "watch.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WatchLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws StudyFolderConflict when another Tunescope (or another study in this one) follows the trial */
    static WatchLock claim(Path runDir) throws IOException {
        FileChannel channel = FileChannel.open(runDir.resolve(NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        } catch (IOException | RuntimeException cannotLock) {
            channel.close();
            throw cannotLock;
        }
        if (lock == null) {
            channel.close();
            throw new StudyFolderConflict(StudyFolderConflict.Kind.TRIAL_IN_USE, runDir, runDir
                    + " is being submitted to Slurm and followed by another Tunescope process; let it finish or"
                    + " stop it, then run again");
        }
        return new WatchLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
