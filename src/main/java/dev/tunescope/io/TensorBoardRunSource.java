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

    public TensorBoardRunSource(Path dir, String relativePath) {
        this.dir = dir;
        this.relativePath = relativePath;
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
        try {
            if (readNewRecords(fileWarnings)) {
                startOver();
                readNewRecords(fileWarnings);
            }
        } catch (RuntimeException bug) {
            main.warn(ReadWarning.wholeFile(relativePath, "reading stopped: " + FailureText.of(bug)));
        }
        return snapshot(fileWarnings);
    }

    /** Reads every file from where it stopped; returns true when a file shrank or was replaced. */
    private boolean readNewRecords(List<ReadWarning> fileWarnings) {
        List<Path> files = new ArrayList<>(TensorBoardFormat.eventFiles(dir));
        int mainFiles = files.size();
        for (Path sub : TensorBoardFormat.hparamsSubfolders(dir)) {
            files.addAll(TensorBoardFormat.eventFiles(sub));
        }
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            EventFileTail tail = tails.computeIfAbsent(file, f -> new EventFileTail(f, displayName(f)));
            SeriesCollector target = i < mainFiles ? main : hparamsRuns;
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
}
