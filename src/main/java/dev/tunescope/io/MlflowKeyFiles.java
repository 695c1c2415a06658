package dev.tunescope.io;

import dev.tunescope.run.ReadWarning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The one-file-per-key folders of an MLflow run ({@code params/}, {@code tags/}, and the file list of
 * {@code metrics/}). A key with {@code /} in it is stored as nested folders, so the key of a file is its path
 * below the folder, joined with {@code /} whatever the platform's separator.
 */
final class MlflowKeyFiles {
    /** Deeper than any key MLflow accepts (its key length limit is 250 characters). */
    private static final int MAX_DEPTH = 64;

    private MlflowKeyFiles() {
    }

    /**
     * Every regular file below {@code folder} by key, sorted; empty when the folder does not exist. Anything else
     * that is not a folder (a named pipe, a socket) is reported under {@code name} and its key, never opened.
     */
    static Map<String, Path> list(Path folder, String name, Consumer<ReadWarning> warnings) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            List<Path> entries = walk.filter(path -> !Files.isDirectory(path)).toList();
            for (Path file : entries) {
                String key = key(folder, file);
                try {
                    RegularFiles.requireRegular(file);
                    files.put(key, file);
                } catch (IOException notRegular) {
                    warnings.accept(ReadWarning.wholeFile(name + "/" + key, FailureText.of(notRegular)));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            warnings.accept(ReadWarning.wholeFile(name, "could not be listed completely; "
                    + FailureText.of(e)));
        }
        return files;
    }

    /** The text of every file below {@code folder} by key, with surrounding blank space removed. */
    static Map<String, String> readAll(Path folder, String name, Consumer<ReadWarning> warnings) {
        Map<String, String> values = new TreeMap<>();
        list(folder, name, warnings).forEach((key, file) -> SmallTextFile.read(file, name + "/" + key, warnings)
                .ifPresent(text -> values.put(key, text.strip())));
        return values;
    }

    static String key(Path folder, Path file) {
        StringBuilder key = new StringBuilder();
        for (Path part : folder.relativize(file)) {
            if (!key.isEmpty()) {
                key.append('/');
            }
            key.append(part);
        }
        return key.toString();
    }
}
