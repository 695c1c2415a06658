package dev.tunescope.io;

import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import dev.tunescope.run.ScalarSeries;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TensorBoard run: the event files of one folder, read oldest first into one set of series, plus the
 * tensorboardX {@code add_hparams} sub-folders of that folder, whose hyperparameters and summary scalars are
 * attached to this run. A tag met again at an earlier or equal step drops its later history (TensorBoard's
 * restart rule), and a {@code SessionLog.START} at step s drops every tag's points at steps >= s.
 *
 * <p>Hyperparameters come from the hparams plugin where a file has them, else from the folder name.
 */
public final class TensorBoardRunSource implements RunSource {
    private final Path dir;
    private final String relativePath;
    private final SeriesCollector main = new SeriesCollector();
    private final SeriesCollector hparamsRuns = new SeriesCollector();
    private final Map<Path, EventFileTail> tails = new LinkedHashMap<>();
    private Map<String, HyperparameterValue> pluginHparams = Map.of();
    private final TensorBoardCacheLink cache;
    private final TensorBoardCacheLink.Holder held = new Held();
    private boolean refreshed;

    /** A run read through the {@link RunCache#shared() shared} run cache. */
    public TensorBoardRunSource(Path dir, String relativePath) {
        this(dir, relativePath, RunCache.shared());
    }

    public TensorBoardRunSource(Path dir, String relativePath, RunCache cache) {
        this.dir = dir;
        this.relativePath = relativePath;
        this.cache = new TensorBoardCacheLink(cache, dir);
    }

    /** True when this run's points so far came from the run cache rather than its files. */
    public boolean restoredFromCache() {
        return cache.restored();
    }

    @Override
    public String path() {
        return relativePath;
    }

    @Override
    public RunFormat format() {
        return RunFormat.TENSORBOARD;
    }

    @Override
    public Run refresh() {
        List<ReadWarning> fileWarnings = new ArrayList<>();
        List<Path> mainFiles = List.of();
        List<Path> hparamsFiles = new ArrayList<>();
        long before = readOffsets();
        try {
            mainFiles = TensorBoardFormat.eventFiles(dir);
            for (Path sub : TensorBoardFormat.hparamsSubfolders(dir)) {
                hparamsFiles.addAll(TensorBoardFormat.eventFiles(sub));
            }
            cache.begin(held, mainFiles, hparamsFiles, !refreshed);
            refreshed = true;
            before = readOffsets();
            if (readNewRecords(mainFiles, hparamsFiles, fileWarnings)) {
                startOver();
                cache.startedOver(held);
                readNewRecords(mainFiles, hparamsFiles, fileWarnings);
            }
        } catch (RuntimeException bug) {
            main.warn(ReadWarning.wholeFile(relativePath, "reading stopped: " + FailureText.of(bug)));
        } finally {
            cache.end(held, mainFiles, hparamsFiles, readOffsets() != before);
        }
        return snapshot(fileWarnings);
    }

    /** A sum of where every file's reading stands, to tell whether a refresh read anything. */
    private long readOffsets() {
        long sum = tails.size();
        for (EventFileTail tail : tails.values()) {
            sum += tail.offset();
        }
        return sum;
    }

    /** Reads every file from where it stopped; returns true when a file shrank or was replaced. */
    private boolean readNewRecords(List<Path> mainFiles, List<Path> hparamsFiles, List<ReadWarning> fileWarnings) {
        List<Path> files = new ArrayList<>(mainFiles);
        files.addAll(hparamsFiles);
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            EventFileTail tail = tailOf(file);
            SeriesCollector target = i < mainFiles.size() ? main : hparamsRuns;
            try {
                if (tail.readNew(target, this::takeHyperparameters)) {
                    return true;
                }
            } catch (IOException unreadable) {
                fileWarnings.add(ReadWarning.wholeFile(tail.name(), FailureText.of(unreadable)));
            }
            tail.incompleteTail().ifPresent(fileWarnings::add);
        }
        return false;
    }

    private EventFileTail tailOf(Path file) {
        return tails.computeIfAbsent(file, f -> new EventFileTail(f, displayName(f)));
    }

    private void takeHyperparameters(Map<String, HyperparameterValue> values) {
        pluginHparams = Map.copyOf(values);
    }

    private void startOver() {
        main.clear();
        hparamsRuns.clear();
        tails.clear();
        pluginHparams = Map.of();
    }

    private String displayName(Path file) {
        String inRun = dir.relativize(file).toString();
        return relativePath.equals(".") ? inRun : relativePath + "/" + inRun;
    }

    private Run snapshot(List<ReadWarning> fileWarnings) {
        Map<String, ScalarSeries> scalars = new LinkedHashMap<>(hparamsRuns.scalars());
        scalars.putAll(main.scalars()); // the run's own series win over an add_hparams summary of the same name
        List<ReadWarning> warnings = new ArrayList<>(main.warnings());
        warnings.addAll(hparamsRuns.warnings());
        warnings.addAll(fileWarnings);
        Hyperparameters folderName = FolderNameHyperparameters.parse(folderName());
        Hyperparameters hparams = pluginHparams.isEmpty() ? folderName
                : new Hyperparameters(pluginHparams, "hparams plugin").withFallback(folderName);
        return new Run(relativePath, folderName(), RunFormat.TENSORBOARD, RunStatus.UNKNOWN, hparams,
                scalars, main.histograms(), warnings);
    }

    /** The run folder's own name; a file system's root (a remote folder opened at {@code /}) has none but its path. */
    private String folderName() {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }

    /** What the run cache saves and restores of this source. */
    private final class Held implements TensorBoardCacheLink.Holder {
        @Override
        public EventFileTail tailOf(Path file) {
            return TensorBoardRunSource.this.tailOf(file);
        }

        @Override
        public SeriesCollector main() {
            return main;
        }

        @Override
        public SeriesCollector hparamsRuns() {
            return hparamsRuns;
        }

        @Override
        public Map<Path, EventFileTail> tails() {
            return tails;
        }

        @Override
        public Map<String, HyperparameterValue> pluginHparams() {
            return pluginHparams;
        }

        @Override
        public void restoreHparams(Map<String, HyperparameterValue> values) {
            pluginHparams = Map.copyOf(values);
        }
    }
}
