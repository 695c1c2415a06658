package dev.tunescope.workspace;

import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.io.RunLoader;
import dev.tunescope.run.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns the runs of a folder being read into workspaces of the runs read so far (grouped into studies, not yet
 * diagnosed), so a front end shows runs while the rest are read: after the first run, then at most every
 * {@link #INTERVAL_NANOS}. Grouping the runs read so far costs about what reading them did, so publishing is
 * throttled rather than done per run, and the pause after a publish is also at least {@value #PAUSE_PER_COST} times
 * what that publish took: grouping grows with the runs read, and on a folder of 10,000 runs a fixed interval
 * shorter than one grouping made every run publish, the reading quadratic (225 s in the app against 14 s for the
 * command line). With the pause, grouping takes at most a third of the reading, however many runs there are.
 */
final class PartialReading implements RunLoader.ReadListener {
    /** A quarter of a second: often enough to look live, rarely enough that grouping stays a small share. */
    static final long INTERVAL_NANOS = 250_000_000L;
    /** The pause after a publish, in units of what the publish took. */
    static final int PAUSE_PER_COST = 2;

    private final Path folder;
    private final DiagnosisSettings settings;
    private final Consumer<Workspace> partial;
    private final LongSupplier clock;
    private final List<Run> read = new ArrayList<>();
    private long nextPublish;

    PartialReading(Path folder, DiagnosisSettings settings, Consumer<Workspace> partial, LongSupplier clock) {
        this.folder = folder;
        this.settings = settings;
        this.partial = partial;
        this.clock = clock;
    }

    @Override
    public void read(Run run, int done, int total) {
        read.add(run);
        if (done == total) {
            return; // the whole folder is in: the diagnosed workspace follows at once
        }
        long now = clock.getAsLong();
        if (read.size() == 1 || now >= nextPublish) {
            partial.accept(Workspace.undiagnosed(folder, List.copyOf(read), settings,
                    "read " + done + " of " + total + " runs; diagnosis when all are read"));
            long end = clock.getAsLong();
            nextPublish = end + Math.max(INTERVAL_NANOS, PAUSE_PER_COST * (end - now));
        }
    }
}
