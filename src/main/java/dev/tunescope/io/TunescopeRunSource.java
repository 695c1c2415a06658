package dev.tunescope.io;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A run in Tunescope's own format (see {@link TunescopeFormat}), re-read as the trainer writes it.
 *
 * <p>{@code metrics.jsonl} and {@code histograms.jsonl} are tailed: a refresh reads only complete lines added
 * since the last one. Each file feeds its own collector, so a file that was replaced or shrank is read again
 * from its start without touching what the other gave. {@code run.json} is read whole on every refresh, since
 * the trainer rewrites it when the status changes. A run without {@code run.json} (or an unreadable one) still
 * shows its metrics, under its folder name and with hyperparameters read off that name.
 */
public final class TunescopeRunSource implements RunSource {
    private final Path runDir;
    private final String path;
    private final JsonLinesFile metrics;
    private final JsonLinesFile histograms;

    /**
     * @param runDir       the run's folder
     * @param relativePath where it lives relative to the folder the user opened, used in the run and warnings
     */
    public TunescopeRunSource(Path runDir, String relativePath) {
        this.runDir = runDir;
        this.path = relativePath;
        this.metrics = new JsonLinesFile(TunescopeFormat.METRICS, MetricsLineReader::new);
        this.histograms = new JsonLinesFile(TunescopeFormat.HISTOGRAMS, HistogramLineReader::new);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public RunFormat format() {
        return RunFormat.TUNESCOPE;
    }

    @Override
    public Run refresh() {
        List<ReadWarning> passing = new ArrayList<>(); // about the files' state now; gone once fixed
        Optional<TunescopeRunInfo> info = readRunJson(passing);
        metrics.poll(passing);
        histograms.poll(passing);
        RunStatus status = info.map(TunescopeRunInfo::status).orElse(RunStatus.UNKNOWN);
        if (status != RunStatus.RUNNING) {
            metrics.unfinishedLine().ifPresent(passing::add);
            histograms.unfinishedLine().ifPresent(passing::add);
        }
        passing.addAll(metrics.collector.warnings());
        passing.addAll(histograms.collector.warnings());
        String name = info.map(TunescopeRunInfo::name).filter(n -> !n.isBlank()).orElseGet(this::folderName);
        Hyperparameters hparams = info.map(TunescopeRunInfo::hparams).filter(h -> !h.isEmpty())
                .orElseGet(() -> FolderNameHyperparameters.parse(folderName()));
        if (info.isPresent()) {
            hparams = hparams.withFallback(WorkloadHyperparameters.of(info.get().workload(),
                    info.get().device()));
        }
        return new Run(path, name, RunFormat.TUNESCOPE, status, hparams, metrics.collector.scalars(),
                histograms.collector.histograms(), passing);
    }

    private Optional<TunescopeRunInfo> readRunJson(List<ReadWarning> warnings) {
        String name = RunFileNames.of(path, TunescopeFormat.RUN_JSON);
        Path file = runDir.resolve(TunescopeFormat.RUN_JSON);
        Optional<String> text = SmallTextFile.read(file, name, warnings::add);
        if (text.isEmpty()) {
            if (!Files.exists(file)) {
                warnings.add(ReadWarning.wholeFile(name, "is missing, so the run's status is unknown and its name"
                        + " and hyperparameters come from its folder name"));
            }
            return Optional.empty();
        }
        return RunJson.read(text.get(), name, warnings::add);
    }

    private String folderName() {
        Path name = runDir.toAbsolutePath().normalize().getFileName();
        return name == null ? path : name.toString();
    }

    /** One tailed {@code .jsonl} file and what has been read from it. */
    private final class JsonLinesFile {
        private final String fileName;
        private final String name;
        private final SeriesCollector collector = new SeriesCollector();
        private final Consumer<TextLine> reader;
        private TailedFile tail;

        /** @param readers makes the line reader, given the name warnings use and the collector it fills */
        JsonLinesFile(String fileName, BiFunction<String, SeriesCollector, Consumer<TextLine>> readers) {
            this.fileName = fileName;
            this.name = RunFileNames.of(path, fileName);
            this.reader = TailedFile.guarded(name, readers.apply(name, collector), collector);
            this.tail = new TailedFile(runDir.resolve(fileName), name);
        }

        void poll(List<ReadWarning> warnings) {
            Optional<LineTail.Outcome> outcome = tail.poll(collector::clear, reader, warnings::add);
            if (outcome.isPresent() && outcome.get() == LineTail.Outcome.MISSING && tail.hasRead()) {
                collector.clear(); // deleted: a file that comes back is read from its start
                tail = new TailedFile(runDir.resolve(fileName), name);
            }
        }

        Optional<ReadWarning> unfinishedLine() {
            return tail.unfinishedLine();
        }
    }
}
