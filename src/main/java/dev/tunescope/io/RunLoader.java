package dev.tunescope.io;

import dev.tunescope.run.InOrderPool;
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
        return load(root, budget, FolderThreads.forFolder(root));
    }

    /** As {@link #load(Path, LoadBudget)}, searching and reading on {@code threads} threads. */
    static LoadResult load(Path root, LoadBudget budget, int threads) throws IOException {
        RunDiscovery.Found found = RunDiscovery.find(root, budget.listedRuns(), threads);
        return read(found.runs(), location -> location.open().refresh(), RunLocation::path,
                RunFootprint.PER_LOCATION, budget, found.warnings(), ReadListener.NONE, threads);
    }

    /**
     * Refreshes {@code sources}, the runs found under {@code folder}, in order within {@code budget}, for a caller
     * that keeps the sources to refresh them again later (each keeps what it read, sharing the arrays of its run's
     * series).
     */
    public static LoadResult refreshAll(Path folder, List<RunSource> sources, LoadBudget budget) {
        return refreshAll(folder, sources, budget, ReadListener.NONE);
    }

    /** As {@link #refreshAll(Path, List, LoadBudget)}, telling {@code listener} of each run as soon as it is read. */
    public static LoadResult refreshAll(Path folder, List<RunSource> sources, LoadBudget budget,
                                        ReadListener listener) {
        return read(sources, RunSource::refresh, RunSource::path, 0, budget, List.of(), listener,
                FolderThreads.forFolder(folder));
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
     *
     * <p>Runs are read on {@code threads} threads but taken, told to the listener
     * and counted against the budget in order, so the result is the sequential one. A run is read ahead only while
     * twice the largest run read so far, for it and each run under way, still fits what is left of the budget: the
     * first run is read alone, and a folder near its budget is read one run at a time. A run read ahead past the
     * budget's cut is dropped; a {@link RunSource} keeps what it read, so one that {@link #refreshAll} read ahead
     * of the cut holds that run until it is let go (at most one run per extra thread, and only when a run is more
     * than twice the largest before it).
     */
    private static <T> LoadResult read(List<T> pending, Function<T, Run> reader, Function<T, String> pathOf,
                                       long perPending, LoadBudget budget, List<ReadWarning> warnings,
                                       ReadListener listener, int threads) {
        long listing = perPending * pending.size();
        long held = listing;
        long largest = 0;
        List<Run> runs = new ArrayList<>();
        int next = 0;
        try (InOrderPool<T, Run> ahead = new InOrderPool<>(reader, Math.min(threads, pending.size()))) {
            int started = 0;
            while (next < pending.size() && held < budget.bytes()) {
                int wanted = Math.min(ahead.depth(), runsThatFit(budget.bytes() - held, largest));
                while (started < pending.size() && (ahead.underWay() == 0 || ahead.underWay() < wanted)) {
                    ahead.start(pending.get(started++));
                }
                Run run = ahead.take();
                next++;
                long footprint = RunFootprint.of(run);
                largest = Math.max(largest, footprint);
                held += footprint;
                runs.add(run);
                listener.read(run, next, pending.size());
            }
        }
        List<String> leftOut = pending.subList(next, pending.size()).stream().map(pathOf).toList();
        return new LoadResult(runs, leftOut, warnings, held - listing, budget);
    }

    /** How many runs of twice {@code largest} fit in {@code left}: one while no run was read yet. */
    private static int runsThatFit(long left, long largest) {
        return largest == 0 ? 1 : (int) Math.min(Integer.MAX_VALUE, left / (2 * largest));
    }
}
