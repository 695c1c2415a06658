package dev.tunescope.io;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.ReadWarning;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One run of an MLflow file store (see {@link MlflowFormat} for the layout), re-read as it grows.
 *
 * <p>Each metric file is tailed on its own, so a refresh reads only the lines appended since the last one, and
 * a metric file that was rewritten is read again without disturbing the other metrics. Metric files that
 * appear later are picked up; one that disappears takes its series with it. {@code meta.yaml}, params and tags
 * are small and change while a run is live (its status above all), so they are read again on every refresh.
 *
 * <p>Hyperparameters are the run's {@code params/}; a run without any falls back to numbers in its name.
 */
public final class MlflowRunSource implements RunSource {
    private final Path runDir;
    private final String path;
    private final SeriesCollector collector = new SeriesCollector();
    private final Map<String, TailedFile> metricFiles = new LinkedHashMap<>();

    /**
     * @param runDir       the run's folder ({@code mlruns/<experiment id>/<run id>})
     * @param relativePath where it lives relative to the folder the user opened, used in the run and warnings
     */
    public MlflowRunSource(Path runDir, String relativePath) {
        this.runDir = runDir;
        this.path = relativePath;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public RunFormat format() {
        return RunFormat.MLFLOW;
    }

    @Override
    public Run refresh() {
        List<ReadWarning> passing = new ArrayList<>(); // about the files' state now; gone once fixed
        MlflowMeta meta = readMeta(passing);
        Map<String, String> params = MlflowKeyFiles.readAll(runDir.resolve(MlflowFormat.PARAMS),
                name(MlflowFormat.PARAMS), passing::add);
        String runName = runName(meta, passing);
        readMetrics(passing);
        if (meta.status() != RunStatus.RUNNING) {
            metricFiles.values().forEach(file -> file.unfinishedLine().ifPresent(passing::add));
        }
        passing.addAll(collector.warnings());
        return new Run(path, runName, RunFormat.MLFLOW, meta.status(), hyperparameters(params, runName),
                collector.scalars(), collector.histograms(), passing);
    }

    private MlflowMeta readMeta(List<ReadWarning> warnings) {
        String name = name(MlflowFormat.META);
        Path file = runDir.resolve(MlflowFormat.META);
        if (!Files.exists(file)) {
            warnings.add(ReadWarning.wholeFile(name, "is missing, so the run's status is unknown"));
            return MlflowMeta.NONE;
        }
        return MlflowMeta.read(file, name, warnings::add);
    }

    /** The {@code mlflow.runName} tag, else meta.yaml's {@code run_name}, else the run id (the folder name). */
    private String runName(MlflowMeta meta, List<ReadWarning> warnings) {
        String tagName = name(MlflowFormat.TAGS + "/" + MlflowFormat.RUN_NAME_TAG);
        Optional<String> tag = SmallTextFile.read(runDir.resolve(MlflowFormat.TAGS).resolve(
                MlflowFormat.RUN_NAME_TAG), tagName, warnings::add).map(String::strip).filter(s -> !s.isEmpty());
        return tag.or(meta::runName).orElseGet(this::folderName);
    }

    private String folderName() {
        Path name = runDir.toAbsolutePath().normalize().getFileName();
        return name == null ? path : name.toString();
    }

    private static Hyperparameters hyperparameters(Map<String, String> params, String runName) {
        if (!params.isEmpty()) {
            return Hyperparameters.parsed(params, "params/");
        }
        Hyperparameters fromName = FolderNameHyperparameters.parse(runName);
        return fromName.isEmpty() ? Hyperparameters.NONE : new Hyperparameters(fromName.values(), "run name");
    }

    private void readMetrics(List<ReadWarning> warnings) {
        Map<String, Path> present = MlflowKeyFiles.list(runDir.resolve(MlflowFormat.METRICS),
                name(MlflowFormat.METRICS), warnings::add);
        metricFiles.keySet().removeIf(tag -> {
            if (present.containsKey(tag)) {
                return false;
            }
            forget(tag);
            return true;
        });
        present.forEach((tag, file) -> metricFiles.computeIfAbsent(tag,
                t -> new TailedFile(file, name(MlflowFormat.METRICS + "/" + t))));
        for (Map.Entry<String, TailedFile> entry : List.copyOf(metricFiles.entrySet())) {
            String tag = entry.getKey();
            TailedFile file = entry.getValue();
            Optional<LineTail.Outcome> outcome = file.poll(() -> forget(tag),
                    TailedFile.guarded(file.name(), line -> read(tag, file.name(), line), collector), warnings::add);
            if (outcome.isPresent() && outcome.get() == LineTail.Outcome.MISSING) {
                forget(tag); // deleted since it was listed: a file that comes back is read from its start
                metricFiles.remove(tag);
            }
        }
    }

    private void forget(String tag) {
        collector.clearScalar(tag);
        collector.forgetWarningsOf(name(MlflowFormat.METRICS + "/" + tag));
    }

    private void read(String tag, String file, TextLine line) {
        if (line.tooLong()) {
            collector.warn(ReadWarning.atLine(file, line.byteOffset(), line.number(), TextLine.TOO_LONG));
            return;
        }
        if (line.text().isBlank()) {
            return;
        }
        if (line.invalidUtf8()) {
            collector.warn(ReadWarning.atLine(file, line.byteOffset(), line.number(),
                    "is not valid UTF-8 (damaged?), skipped"));
            return;
        }
        try {
            MlflowMetricLine metric = MlflowMetricLine.parse(line.text());
            collector.scalar(tag, metric.step(), metric.value(), metric.wallTime(), file, line.byteOffset(),
                    line.number());
        } catch (MalformedLineException e) {
            collector.warn(ReadWarning.atLine(file, line.byteOffset(), line.number(), e.getMessage() + ", skipped"));
        }
    }

    private String name(String file) {
        return RunFileNames.of(path, file);
    }
}
