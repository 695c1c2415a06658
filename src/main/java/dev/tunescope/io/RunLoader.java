package dev.tunescope.io;

import dev.tunescope.run.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    public static LoadResult load(Path root, LoadBudget budget) throws IOException {
        RunDiscovery.Found found = RunDiscovery.find(root);
        // a source read here is not refreshed again: let each go once read, so that only the runs stay
        return read(new ArrayList<>(found.sources()), budget, found, true);
    }

    /**
     * Refreshes {@code sources} in order within {@code budget}, for a caller that keeps the sources to refresh
     * them again later (each keeps what it read, sharing the arrays of its run's series).
     */
    public static LoadResult refreshAll(List<RunSource> sources, LoadBudget budget) {
        return read(new ArrayList<>(sources), budget, new RunDiscovery.Found(List.of(), List.of()), false);
    }

    private static LoadResult read(List<RunSource> sources, LoadBudget budget, RunDiscovery.Found found,
                                   boolean release) {
        List<Run> runs = new ArrayList<>();
        long held = 0;
        int next = 0;
        while (next < sources.size() && held < budget.bytes()) {
            Run run = sources.get(next).refresh();
            if (release) {
                sources.set(next, null);
            }
            held += RunFootprint.of(run);
            runs.add(run);
            next++;
        }
        List<String> leftOut = new ArrayList<>();
        for (int i = next; i < sources.size(); i++) {
            leftOut.add(sources.get(i).path());
        }
        return new LoadResult(runs, leftOut, found.warnings(), held, budget);
    }
}
