package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What reading a folder gave: the runs read, the runs left out because the heap budget was reached, and the
 * places discovery could not search. Front ends show {@link #notices()} so that nothing is left out silently.
 *
 * @param runs      the runs read, in path order
 * @param leftOut   the paths of the runs found but not read
 * @param warnings  folders or files that could not be searched for runs
 * @param heldBytes the estimated heap the runs read hold
 * @param budget    the budget they were read within
 */
public record LoadResult(List<Run> runs, List<String> leftOut, List<ReadWarning> warnings, long heldBytes,
                         LoadBudget budget) {
    private static final int NAMED = 5;

    public LoadResult {
        runs = List.copyOf(runs);
        leftOut = List.copyOf(leftOut);
        warnings = List.copyOf(warnings);
    }

    /** How many runs were found, read or not. */
    public int found() {
        return runs.size() + leftOut.size();
    }

    /**
     * One line when runs were left out: {@code read 812 of 10000 runs: the heap budget (1.0 GB of the 2.0 GB
     * heap) was reached; left out: a, b, c, d, e and 9183 more (run with a larger -Xmx, or open a sub-folder)}.
     */
    public Optional<String> leftOutNotice() {
        if (leftOut.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder line = new StringBuilder("read ").append(runs.size()).append(" of ").append(found())
                .append(" runs: the heap budget (").append(budget.describe()).append(") was reached; left out: ");
        line.append(String.join(", ", leftOut.subList(0, Math.min(NAMED, leftOut.size()))));
        if (leftOut.size() > NAMED) {
            line.append(" and ").append(leftOut.size() - NAMED).append(" more");
        }
        return Optional.of(line.append(" (run with a larger -Xmx, or open a sub-folder)").toString());
    }

    /** Every line a person should see besides the runs: the left-out notice, then each place not searched. */
    public List<String> notices() {
        List<String> lines = new ArrayList<>();
        leftOutNotice().ifPresent(lines::add);
        warnings.forEach(w -> lines.add(w.toString()));
        return lines;
    }
}
