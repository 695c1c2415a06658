package dev.tunescope.train;

import dev.tunescope.io.HeldFileLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A trial's run folder, held by this process alone while it writes the trial: the lock on {@value #LOCK} (an
 * operating-system file lock, which the kernel drops however the process ends, {@code kill -9} included) keeps a
 * second Tunescope, or a second study in this one, from writing the same folder at once.
 *
 * <p>Claiming a folder also stops what is left of an earlier attempt: a command recorded in
 * {@link TrialProcessFile} that still runs (its Tunescope died too suddenly for the watchdog, or before the
 * command's group was known) is stopped with its whole group, so the trial can start over clean and no second copy
 * of the command ever writes into the same folder. The lock file itself stays when the folder is
 * {@linkplain #clean() cleaned}: removing it while held would let another process lock a new file of the same name.
 */
public final class TrialFolder implements AutoCloseable {
    public static final String LOCK = ".tunescope.lock";
    /** How the files of the cluster job running an attempt begin; cleaning the folder for that attempt keeps them. */
    public static final String CLUSTER_JOB_PREFIX = "slurm-";

    private final Path dir;
    private final HeldFileLock lock;

    private TrialFolder(Path dir, HeldFileLock lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (creating it if needed) and stops any live process of an earlier attempt in it, waiting up
     * to {@code grace} for it to stop on request before it is killed.
     *
     * @return empty when another process, or another claim in this one, holds the folder
     * @throws IOException when the folder cannot be locked, or a process of an earlier attempt cannot be stopped
     */
    public static Optional<TrialFolder> claim(Path dir, Duration grace) throws IOException {
        Files.createDirectories(dir);
        Optional<HeldFileLock> lock = HeldFileLock.tryLock(dir.resolve(LOCK));
        if (lock.isEmpty()) {
            return Optional.empty();
        }
        TrialFolder folder = new TrialFolder(dir, lock.get());
        try {
            folder.stopEarlierAttempt(grace);
        } catch (IOException | RuntimeException cannotStop) {
            folder.close();
            throw cannotStop;
        }
        return Optional.of(folder);
    }

    public Path directory() {
        return dir;
    }

    /**
     * Removes everything in the folder but the lock and a cluster job's own files ({@value #CLUSTER_JOB_PREFIX}*:
     * the record of the job now running this attempt, its script and its output, which it is writing): the trial
     * starts over from nothing.
     */
    public void clean() throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> doomed = paths.filter(p -> !p.equals(dir) && !p.equals(dir.resolve(LOCK))
                            && !(p.getParent().equals(dir) && p.getFileName().toString().startsWith(CLUSTER_JOB_PREFIX)))
                    .sorted(Comparator.reverseOrder()).toList();
            for (Path path : doomed) {
                Files.delete(path);
            }
        }
    }

    /** Releases the folder. */
    @Override
    public void close() throws IOException {
        lock.close();
    }

    private void stopEarlierAttempt(Duration grace) throws IOException {
        Optional<TrialProcessFile.Recorded> recorded = TrialProcessFile.read(dir);
        if (recorded.isEmpty()) {
            return;
        }
        TrialProcessFile.Recorded earlier = recorded.get();
        // a pid taken by a later process means the command is long gone, and its group with it
        if (!earlier.pidReused()) {
            Optional<ProcessHandle> leader = earlier.stillRunning();
            boolean stopped;
            if (earlier.ownGroup() && ProcessGroup.supported()) {
                try (ProcessGroup group = ProcessGroup.startWatchdog()) {
                    group.watch(earlier.pid());
                    stopped = leader.map(process -> ProcessTree.destroy(process, Optional.of(group), grace))
                            .orElseGet(() -> group.stop(grace));
                    // closing unreleased makes the watchdog kill the group once more: nothing of it may survive
                }
            } else {
                stopped = leader.map(process -> ProcessTree.destroy(process, grace)).orElse(true);
            }
            if (!stopped) {
                throw new IOException("a process of an earlier attempt at " + dir + " (pid " + earlier.pid()
                        + ") could not be stopped; stop it, then run again");
            }
        }
        TrialProcessFile.delete(dir);
    }
}
