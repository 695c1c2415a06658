package dev.tunescope.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Keras' {@code CSVLogger} layout: one file per run, one row per epoch, header {@code epoch} followed by the
 * sorted log keys ({@code epoch,loss,val_loss}). The separator is the callback's {@code separator} argument
 * ({@code ,} by default, also seen as tab or {@code ;}), so it is read off the header: the character right after
 * {@code epoch}. Epochs are 0-based. A key missing from an epoch's logs is written {@code NA}.
 *
 * <p>Users name the file freely ({@code training.log}, {@code history.csv}), so a file counts as a Keras log by
 * its extension and header, and a header with a {@code step} column is left to {@link LightningCsvFormat}.
 */
public final class KerasCsvFormat {
    static final String EPOCH = "epoch";
    private static final String SEPARATORS = ",\t;";
    private static final Set<String> EXTENSIONS = Set.of(".csv", ".log", ".tsv");

    /** A line is a header when its first field is {@code epoch}; data rows start with a number there. */
    static final CsvLayout LAYOUT = new CsvLayout() {
        @Override
        public Optional<CsvHeader> header(String line) {
            return separatorOf(line).flatMap(separator ->
                    CsvHeader.of(CsvFields.split(line, separator), separator, EPOCH, Set.of(EPOCH)));
        }

        @Override
        public boolean isMissingMarker(String cell) {
            return cell.equals("NA");
        }
    };

    private KerasCsvFormat() {
    }

    /** Whether {@code file} is a {@code .csv}, {@code .log} or {@code .tsv} file whose header starts with
     * {@code epoch} and has no {@code step} column. */
    public static boolean isKerasLog(Path file) {
        Path name = file.getFileName();
        if (name == null || !Files.isRegularFile(file) || !hasLogExtension(name.toString())) {
            return false;
        }
        Optional<CsvHeader> header = HeaderLine.of(file).flatMap(LAYOUT::header);
        return header.isPresent() && !header.get().columns().contains(LightningCsvFormat.STEP);
    }

    private static boolean hasLogExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(lower::endsWith);
    }

    /** The separator of a header line: what follows its leading {@code epoch} field; empty for other lines. */
    static Optional<Character> separatorOf(String line) {
        String first = line.startsWith("\"" + EPOCH + "\"") ? "\"" + EPOCH + "\"" : EPOCH;
        if (!line.startsWith(first)) {
            return Optional.empty();
        }
        if (line.length() == first.length()) {
            return Optional.of(','); // a header with no metric columns: any separator reads it
        }
        char next = line.charAt(first.length());
        return SEPARATORS.indexOf(next) >= 0 ? Optional.of(next) : Optional.empty();
    }
}
