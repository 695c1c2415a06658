package dev.tunescope.io;

import dev.tunescope.run.InOrderPool;
import dev.tunescope.run.ReadWarning;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The folders a search walks through, looked into for runs on a few threads ({@link InOrderPool}) while the walk goes
 * on, and taken in the order the walk met them: looking into a folder (listing it, opening the heads of its logs)
 * costs more than walking to it. What it finds, the places it could not search and where it stops for having listed
 * the most runs allowed are what looking into each folder as the walk met it would give.
 */
final class FolderSearch implements AutoCloseable {
    private final int maxRuns;
    private final InOrderPool<Folder, List<RunLocation>> lookInto;
    private final List<RunLocation> found;
    private final List<ReadWarning> warnings;
    private final Deque<Folder> underWay = new ArrayDeque<>(); // started and not taken, in the order met
    private final Deque<Failure> failures = new ArrayDeque<>(); // not yet said, in the order met
    private int met; // folders the walk has met
    private boolean stopped;

    /** A folder the walk met, and its path relative to the folder searched. */
    record Folder(Path dir, String relative) {
    }

    /** A place the walk could not search, met after {@code foldersBefore} folders. */
    private record Failure(int foldersBefore, ReadWarning warning) {
    }

    FolderSearch(int maxRuns, int threads, Function<Folder, List<RunLocation>> runsIn, List<RunLocation> found,
                 List<ReadWarning> warnings) {
        this.maxRuns = maxRuns;
        this.lookInto = new InOrderPool<>(runsIn, threads);
        this.found = found;
        this.warnings = warnings;
    }

    /** A folder the walk met; false once the search has stopped, so the walk ends. */
    boolean add(Path dir, String relative) {
        if (lookInto.underWay() >= lookInto.depth()) {
            takeOne();
        }
        if (stopped) {
            return false;
        }
        Folder folder = new Folder(dir, relative);
        underWay.addLast(folder);
        lookInto.start(folder);
        met++;
        while (!stopped && lookInto.nextIsReady()) {
            takeOne();
        }
        return !stopped;
    }

    /** A place the walk could not search, said in its turn among the folders. */
    void failed(ReadWarning warning) {
        failures.addLast(new Failure(met, warning));
    }

    /** Takes what the folders still under way hold; the walk is done. */
    void finish() {
        while (!stopped && !underWay.isEmpty()) {
            takeOne();
        }
        if (!stopped) {
            sayFailuresBefore(Integer.MAX_VALUE);
        }
    }

    /** The runs of the oldest folder under way, after the failures met before it. */
    private void takeOne() {
        Folder folder = underWay.removeFirst();
        sayFailuresBefore(met - underWay.size() - 1);
        found.addAll(lookInto.take());
        if (found.size() >= maxRuns) {
            stopped = true;
            warnings.add(ReadWarning.wholeFile(RunDiscovery.shown(folder.relative()), "searching stopped here after "
                    + found.size() + " runs, the most this heap can list, so folders not yet searched were not read"
                    + " (run with a larger -Xmx, or open a sub-folder)"));
        }
    }

    /** Says the failures met before the folder numbered {@code folder} (from 0, in the order met). */
    private void sayFailuresBefore(int folder) {
        while (!failures.isEmpty() && failures.peekFirst().foldersBefore() <= folder) {
            warnings.add(failures.removeFirst().warning());
        }
    }

    /** Drops what is still under way (the search stopped, or failed). */
    @Override
    public void close() {
        lookInto.close();
    }
}
