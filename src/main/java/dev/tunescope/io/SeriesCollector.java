package dev.tunescope.io;

import dev.tunescope.run.BlockSpace;
import dev.tunescope.run.Histogram;
import dev.tunescope.run.HistogramSeries;
import dev.tunescope.run.HistogramSeriesBuilder;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.ScalarSeries;
import dev.tunescope.run.ScalarSeriesBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader has gathered of one run so far: series by tag and warnings. Readers add points as they meet
 * them; a point at a step that is not after its tag's last step replaces the later history (the restart rule of
 * {@link ScalarSeriesBuilder}), and that is noted once per tag and file with where it happened.
 *
 * <p>Warnings are capped per file so that a file of a million bad lines costs a hundred messages and a count.
 *
 * <p>What the series hold is counted as they grow (what their builders hold, and {@link RunFootprint}'s fixed
 * costs); past the budget of one run
 * ({@link LoadBudget#perRunBytes()}, a quarter of the heap) further points are not kept, and one warning says
 * where that began, so that a log too large for the heap gives what fits instead of an out-of-memory error.
 *
 * <p>A reader that meets the same few tags millions of times (an event file) asks once for a tag's
 * {@link #scalarId number} and adds its points by that number: an array index instead of hashing the tag per point.
 */
public final class SeriesCollector {
    static final int WARNINGS_PER_FILE = 100;

    private final long byteLimit;
    private BlockSpace space; // where new series put their full blocks; null keeps them on the heap
    private long heldBytes;
    private boolean overBudget; // the limit was met and said so; cleared with the series

    private final Map<String, ScalarSeriesBuilder> scalars = new LinkedHashMap<>();
    private final Map<String, HistogramSeriesBuilder> histograms = new LinkedHashMap<>();
    private final List<ReadWarning> warnings = new ArrayList<>();
    private final Map<String, Integer> warningsByFile = new HashMap<>();
    private final Map<TagInFile, Restart> restarts = new LinkedHashMap<>();

    // the tags given a number, and for each the builder its points go to (null until its next point: the builder
    // is made by the first point, as for a tag added by name, and is forgotten by clear() and clearScalar())
    private final Map<String, Integer> idsByTag = new HashMap<>();
    private String[] tagsById = new String[0];
    private ScalarSeriesBuilder[] buildersById = new ScalarSeriesBuilder[0];

    /** A collector with the budget of one run in this JVM's heap. */
    public SeriesCollector() {
        this(LoadBudget.ofHeap().perRunBytes());
    }

    /** @param byteLimit what the series may hold (estimated), after which points are no longer kept */
    SeriesCollector(long byteLimit) {
        this.byteLimit = byteLimit;
    }

    /** Adds a scalar point; {@code file}, {@code byteOffset} and {@code line} say where it was read. */
    public void scalar(String tag, long step, double value, double wallTime, String file, long byteOffset,
                       long line) {
        if (overBudget(file, byteOffset, line)) {
            return;
        }
        add(builderOf(tag), step, value, wallTime, file, byteOffset, line);
    }

    /**
     * The number of {@code tag} for {@link #scalar(int, long, double, double, String, long, long)}: the same for as
     * long as this collector lives, {@link #clear()} and {@link #clearScalar} included.
     */
    public int scalarId(String tag) {
        Integer known = idsByTag.get(tag);
        if (known != null) {
            return known;
        }
        int id = idsByTag.size();
        if (id == tagsById.length) {
            int capacity = Math.max(8, 2 * id);
            tagsById = Arrays.copyOf(tagsById, capacity);
            buildersById = Arrays.copyOf(buildersById, capacity);
        }
        tagsById[id] = tag;
        idsByTag.put(tag, id);
        return id;
    }

    /** Adds a scalar point to the tag numbered {@code id} by {@link #scalarId}, as the same call by name would. */
    public void scalar(int id, long step, double value, double wallTime, String file, long byteOffset, long line) {
        if (overBudget(file, byteOffset, line)) {
            return;
        }
        ScalarSeriesBuilder builder = buildersById[id];
        if (builder == null) {
            builder = builderOf(tagsById[id]);
            buildersById[id] = builder;
        }
        add(builder, step, value, wallTime, file, byteOffset, line);
    }

    private ScalarSeriesBuilder builderOf(String tag) {
        ScalarSeriesBuilder builder = scalars.get(tag);
        if (builder == null) {
            builder = new ScalarSeriesBuilder(tag, space);
            scalars.put(tag, builder);
            heldBytes += RunFootprint.PER_SERIES + builder.heldBytes();
        }
        return builder;
    }

    private void add(ScalarSeriesBuilder builder, long step, double value, double wallTime, String file,
                     long byteOffset, long line) {
        long before = builder.heldBytes();
        int dropped = builder.add(step, value, wallTime);
        heldBytes += builder.heldBytes() - before;
        if (dropped > 0) {
            noteRestart(builder.tag(), step, dropped, file, byteOffset, line);
        }
    }

    public void histogram(String tag, long step, double wallTime, Histogram histogram, String file,
                          long byteOffset) {
        if (overBudget(file, byteOffset, -1)) {
            return;
        }
        int dropped = histograms.computeIfAbsent(tag, HistogramSeriesBuilder::new).add(step, wallTime, histogram);
        heldBytes += RunFootprint.of(histogram); // a replaced histogram is not subtracted: an estimate from above
        if (dropped > 0) {
            noteRestart(tag, step, dropped, file, byteOffset, -1);
        }
    }

    /** True, once said in a warning, when the series hold all this run may hold. */
    private boolean overBudget(String file, long byteOffset, long line) {
        if (heldBytes < byteLimit) {
            return false;
        }
        if (!overBudget) {
            overBudget = true;
            warn(new ReadWarning(file, byteOffset, line, "this run's series reached "
                    + LoadBudget.size(heldBytes) + ", the most one run may hold in this heap, so the values"
                    + " from here on were not read (a larger -Xmx reads them)"));
        }
        return true;
    }

    private void noteRestart(String tag, long step, int dropped, String file, long byteOffset, long line) {
        restarts.merge(new TagInFile(file, tag), new Restart(step, byteOffset, line, dropped),
                (first, next) -> new Restart(first.step, first.byteOffset, first.line, first.dropped + next.dropped));
    }

    record TagInFile(String file, String tag) {
    }

    /** Where a tag first went back in steps, and how many points that replaced in all. */
    record Restart(long step, long byteOffset, long line, long dropped) {
        ReadWarning toWarning(TagInFile where) {
            return new ReadWarning(where.file(), byteOffset, line, "tag '" + where.tag() + "' went back to step "
                    + step + " (a restart or a repeated step): " + dropped + " earlier point(s) at steps >= the"
                    + " new one were replaced by the newer ones");
        }
    }

    /**
     * Drops every point of every tag at a step {@code >= step}: TensorBoard's rule for a {@code SessionLog.START}
     * record, which marks a run restarted from the checkpoint at that step.
     */
    public long purgeFrom(long step) {
        long dropped = 0;
        for (ScalarSeriesBuilder builder : scalars.values()) {
            long before = builder.heldBytes();
            dropped += builder.truncateFrom(step);
            heldBytes += builder.heldBytes() - before;
        }
        for (HistogramSeriesBuilder builder : histograms.values()) {
            dropped += builder.truncateFrom(step);
        }
        return dropped;
    }

    /** Records a problem; past {@value #WARNINGS_PER_FILE} for one file only a count is kept. */
    public void warn(ReadWarning warning) {
        int seen = warningsByFile.merge(warning.file(), 1, Integer::sum);
        if (seen <= WARNINGS_PER_FILE) {
            warnings.add(warning);
        }
    }

    /** Forgets everything read from {@code file} so far, for a file that is read again from the start. */
    public void forgetWarningsOf(String file) {
        warnings.removeIf(w -> w.file().equals(file));
        warningsByFile.remove(file);
        restarts.keySet().removeIf(key -> key.file().equals(file));
        overBudget = false; // its warning may have been among them; say it again if the budget is met again
    }

    /** Drops every series and warning: the caller reads its files again from the start. */
    public void clear() {
        scalars.clear();
        Arrays.fill(buildersById, null);
        histograms.clear();
        warnings.clear();
        warningsByFile.clear();
        restarts.clear();
        heldBytes = 0;
        overBudget = false;
    }

    /** Drops one scalar tag (a per-tag file that is being read again from the start). */
    public void clearScalar(String tag) {
        ScalarSeriesBuilder removed = scalars.remove(tag);
        Integer id = idsByTag.get(tag);
        if (id != null) {
            buildersById[id] = null;
        }
        if (removed != null) {
            heldBytes -= RunFootprint.PER_SERIES + removed.heldBytes();
        }
    }

    public Map<String, ScalarSeries> scalars() {
        Map<String, ScalarSeries> built = new LinkedHashMap<>();
        scalars.forEach((tag, builder) -> built.put(tag, builder.build()));
        return built;
    }

    public Map<String, HistogramSeries> histograms() {
        Map<String, HistogramSeries> built = new LinkedHashMap<>();
        histograms.forEach((tag, builder) -> built.put(tag, builder.build()));
        return built;
    }

    /** Every warning so far, with a summary line for each file whose warnings were capped. */
    public List<ReadWarning> warnings() {
        List<ReadWarning> all = new ArrayList<>(warnings);
        warningsByFile.forEach((file, count) -> {
            if (count > WARNINGS_PER_FILE) {
                all.add(ReadWarning.wholeFile(file, (count - WARNINGS_PER_FILE) + " more problem(s) like the ones"
                        + " above were not listed"));
            }
        });
        restarts.forEach((where, restart) -> all.add(restart.toWarning(where)));
        return all;
    }

    // What the run cache saves and restores (CollectorState); a restored collector reads on as if it had read
    // everything before itself.

    /** Series made from now on write their full blocks into {@code space}. */
    void spillTo(BlockSpace space) {
        this.space = space;
    }

    Map<String, ScalarSeriesBuilder> scalarBuilders() {
        return scalars;
    }

    Map<String, HistogramSeriesBuilder> histogramBuilders() {
        return histograms;
    }

    List<ReadWarning> keptWarnings() {
        return warnings;
    }

    Map<String, Integer> warningCounts() {
        return warningsByFile;
    }

    Map<TagInFile, Restart> restartNotes() {
        return restarts;
    }

    void restoreScalar(ScalarSeriesBuilder builder) {
        scalars.put(builder.tag(), builder);
        heldBytes += RunFootprint.PER_SERIES + builder.heldBytes();
    }

    void restoreHistogram(String tag, long step, double wallTime, Histogram histogram) {
        histograms.computeIfAbsent(tag, HistogramSeriesBuilder::new).add(step, wallTime, histogram);
        heldBytes += RunFootprint.of(histogram);
    }

    void restoreWarnings(List<ReadWarning> kept, Map<String, Integer> counts, Map<TagInFile, Restart> notes) {
        warnings.addAll(kept);
        warningsByFile.putAll(counts);
        restarts.putAll(notes);
    }
}
