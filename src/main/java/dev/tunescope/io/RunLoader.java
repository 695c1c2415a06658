package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads every run under a folder once, as far as the heap allows: runs are read in path order until what they
 * hold reaches the {@link LoadBudget}, and the rest are left out by name in the {@link LoadResult}, never read
 * (so never half in memory).
 */
public final class RunLoader {
    private RunLoader() {
    }

    /** The runs under {@code root} that fit half of this JVM's heap; {@link #load} also says what was left out. */
    public static List<Run> loadAll(Path root) throws IOException {
        return load(root).runs();
    }

    public static LoadResult load(Path root) throws IOException {
        return load(root, LoadBudget.ofHeap());
    }

    /**
     * The runs under {@code root} within {@code budget}. The folder is listed first (at most
     * {@link LoadBudget#listedRuns()} runs), then each run's source is opened, read and let go in turn: a source
     * read here is not refreshed again, and 100,000 sources held open would take twice what their runs hold.
     */
    public static LoadResult load(Path root, LoadBudget budget) throws IOException {
        RunDiscovery.Found found = RunDiscovery.find(root, budget.listedRuns());
        return read(found.runs(), location -> location.open().refresh(), RunLocation::path,
                RunFootprint.PER_LOCATION, budget, found.warnings(), ReadListener.NONE);
    }

    /**
     * Refreshes {@code sources} in order within {@code budget}, for a caller that keeps the sources to refresh
     * them again later (each keeps what it read, sharing the arrays of its run's series).
     */
    public static LoadResult refreshAll(List<RunSource> sources, LoadBudget budget) {
        return refreshAll(sources, budget, ReadListener.NONE);
    }

    /** As {@link #refreshAll(List, LoadBudget)}, telling {@code listener} of each run as soon as it is read. */
    public static LoadResult refreshAll(List<RunSource> sources, LoadBudget budget, ReadListener listener) {
        return read(sources, RunSource::refresh, RunSource::path, 0, budget, List.of(), listener);
    }

    /**
     * Hears of each run as it is read, on the reading thread, so a front end can show runs before the whole
     * folder is in. It may throw an unchecked exception (a cancellation) to stop the reading.
     */
    @FunctionalInterface
    public interface ReadListener {
        ReadListener NONE = (run, done, total) -> { };

        void read(Run run, int done, int total);
    }

    /**
     * Reads {@code pending} in order while the estimate of what is held stays under the budget: the runs read so
     * far, and {@code perPending} bytes for each item of the list, which is held until the whole list is read.
     */
    private static <T> LoadResult read(List<T> pending, Function<T, Run> reader, Function<T, String> pathOf,
                                       long perPending, LoadBudget budget, List<ReadWarning> warnings,
                                       ReadListener listener) {
        long listing = perPending * pending.size();
        long held = listing;
        List<Run> runs = new ArrayList<>();
        int next = 0;
        while (next < pending.size() && held < budget.bytes()) {
            Run run = reader.apply(pending.get(next++));
            held += RunFootprint.of(run);
            runs.add(run);
            listener.read(run, next, pending.size());
        }
        List<String> leftOut = pending.subList(next, pending.size()).stream().map(pathOf).toList();
        return new LoadResult(runs, leftOut, warnings, held - listing, budget);
    }
}
