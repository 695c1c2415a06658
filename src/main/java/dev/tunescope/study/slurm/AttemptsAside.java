package dev.tunescope.study.slurm;

import dev.tunescope.train.TrialFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Before a trial is submitted again, whatever its earlier attempt left in the trial folder (a run cut short by a
 * time limit, a preemption, an {@code scancel}, and that job's script, record and output) is moved, not deleted,
 * to {@code STUDY/.attempts/TRIAL/job-ID/}: the new attempt starts clean, and the old one can still be read. The
 * folder's name begins with a dot, so the study's runs never include it.
 */
final class AttemptsAside {
    static final String FOLDER = ".attempts";

    private AttemptsAside() {
    }

    /**
     * Moves the folder's contents but its locks aside; nothing happens to an empty folder.
     *
     * @return where they went, if anything was there
     */
    static Optional<Path> move(Path runDir, Optional<SlurmJobRecord> earlierJob) throws IOException {
        List<Path> left;
        try (Stream<Path> entries = Files.list(runDir)) {
            left = entries.filter(p -> !isLock(p.getFileName().toString())).toList();
        }
        if (left.isEmpty()) {
            return Optional.empty();
        }
        Path trialAttempts = runDir.toAbsolutePath().getParent().resolve(FOLDER).resolve(runDir.getFileName());
        String label = earlierJob.map(job -> "job-" + job.jobId()).orElse("attempt");
        Path aside = trialAttempts.resolve(label);
        for (int n = 2; Files.exists(aside); n++) { // job ids start again from 1 when a cluster's state is reset
            aside = trialAttempts.resolve(label + "-" + n);
        }
        Files.createDirectories(aside);
        for (Path entry : left) {
            Files.move(entry, aside.resolve(entry.getFileName()));
        }
        return Optional.of(aside);
    }

    private static boolean isLock(String name) {
        return name.equals(TrialFolder.LOCK) || name.equals(WatchLock.NAME);
    }
}
