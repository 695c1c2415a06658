package dev.tunescope.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * PyTorch Lightning's {@code CSVLogger} layout: a run folder ({@code lightning_logs/version_N}) holding
 * {@code metrics.csv} and, where hyperparameters were saved, {@code hparams.yaml}.
 *
 * <p>{@code metrics.csv} is written by {@code csv.DictWriter} (comma separated, CRLF line endings) with every key
 * sorted into one header, {@code epoch} and {@code step} included. Rows are sparse: a training row and the
 * validation row after it share a step and leave each other's cells empty. {@code step} is Lightning's 0-based
 * global step at logging time. When a new metric first appears Lightning rewrites the whole file under a wider
 * header; older versions appended a second header instead, so a header may also appear mid-file.
 */
public final class LightningCsvFormat {
    static final String METRICS_FILE = "metrics.csv";
    static final String HPARAMS_FILE = "hparams.yaml";
    static final String STEP = "step";
    static final Set<String> INDEX_COLUMNS = Set.of("epoch", STEP);

    /** A line is a header when one of its cells is named {@code step}; data rows hold numbers there. */
    static final CsvLayout LAYOUT = line -> CsvHeader.of(CsvFields.split(line, ','), ',', STEP, INDEX_COLUMNS);

    private LightningCsvFormat() {
    }

    /**
     * Whether {@code dir} holds a {@code metrics.csv} whose header row has a {@code step} column, or a named pipe
     * called {@code metrics.csv} (never opened here: the run's reader reports it).
     */
    public static boolean isRunDirectory(Path dir) {
        Path metrics = dir.resolve(METRICS_FILE);
        if (!Files.isDirectory(dir) || !RegularFiles.existsAsNonDirectory(metrics)) {
            return false;
        }
        if (!Files.isRegularFile(metrics)) {
            return true;
        }
        Optional<String> header = HeaderLine.of(metrics);
        return header.isPresent() && LAYOUT.header(header.get()).isPresent();
    }
}
