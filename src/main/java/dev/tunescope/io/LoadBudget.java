package dev.tunescope.io;

import java.util.Locale;

/**
 * How much of the heap the runs of one folder may hold, so that a folder too large for the heap is read as far
 * as it fits instead of ending in an out-of-memory error.
 *
 * <p>The default is half of the most this JVM's heap may grow to ({@code -Xmx}, {@link Runtime#maxMemory()}):
 * the other half is left to what works on the runs (diagnosis, charts and their pyramids, the reading itself).
 * One run may hold at most a quarter of the heap, so a single huge log cannot take it all either. What a run holds
 * is estimated by {@link RunFootprint}, not measured: the heap's own figure counts garbage until a collection.
 *
 * @param bytes       what all the runs of a folder may hold together
 * @param perRunBytes what one run's series may hold
 * @param heapBytes   the heap the budget was derived from, for messages
 */
public record LoadBudget(long bytes, long perRunBytes, long heapBytes) {

    /** Half of this JVM's heap for the runs, a quarter for one run. */
    public static LoadBudget ofHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        if (heap == Long.MAX_VALUE) {
            return unlimited();
        }
        return new LoadBudget(heap / 2, heap / 4, heap);
    }

    /** No limit (the JVM reports no heap limit). */
    public static LoadBudget unlimited() {
        return new LoadBudget(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /**
     * The most runs a folder's listing may name: no more than could be read within {@link #bytes()}, each costing
     * its place in the listing and at least a run's fixed cost, so that the listing itself stays within the budget.
     */
    int listedRuns() {
        return (int) Math.min(Integer.MAX_VALUE, bytes / (RunFootprint.PER_LOCATION + RunFootprint.PER_RUN));
    }

    /** For example {@code "1.0 GB of the 2.0 GB heap"}. */
    String describe() {
        return heapBytes == Long.MAX_VALUE ? size(bytes) : size(bytes) + " of the " + size(heapBytes)
                + " heap";
    }

    /** A byte count for people: {@code 1.0 GB}, {@code 12 MB}, {@code 3 KB} (the one formatter of sizes). */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return bytes >= 1L << 20 ? (bytes >> 20) + " MB" : (bytes >> 10) + " KB";
    }
}
