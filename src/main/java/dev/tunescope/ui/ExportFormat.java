package dev.tunescope.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What File > Export writes. A name typed with a format's extension is written in that format; a name without one
 * is written in the format chosen in the dialog, with its extension (choosing "Report (HTML)" and typing
 * {@code report} writes {@code report.html}).
 */
public enum ExportFormat {
    YAML("Config (YAML)", "yaml", "yml"),
    JSON("Config (JSON)", "json"),
    HTML("Report (HTML)", "html", "htm");

    private final String title;
    private final String extension;
    private final String[] alsoAccepted;

    ExportFormat(String title, String extension, String... alsoAccepted) {
        this.title = title;
        this.extension = extension;
        this.alsoAccepted = alsoAccepted;
    }

    public String title() {
        return title;
    }

    public String extension() {
        return extension;
    }

    /** The file to write: {@code file} if its name already ends in one of this format's extensions, else with it. */
    public Path fileFor(Path file) {
        String name = file.getFileName().toString();
        return hasOwnExtension(name) ? file : file.resolveSibling(name + "." + extension);
    }

    /** The format to write: the one a typed extension names, else the one chosen in the dialog, else YAML. */
    public static ExportFormat forSave(String typedName, Optional<ExportFormat> chosen) {
        return ofName(typedName).or(() -> chosen).orElse(YAML);
    }

    /** The format chosen in the dialog, by the filter's title. */
    public static Optional<ExportFormat> ofTitle(String title) {
        return Arrays.stream(values()).filter(f -> f.title.equals(title)).findFirst();
    }

    /** The format a file name asks for by its extension. */
    public static Optional<ExportFormat> ofName(String name) {
        return Arrays.stream(values()).filter(f -> f.hasOwnExtension(name)).findFirst();
    }

    private boolean hasOwnExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith("." + extension) || Arrays.stream(alsoAccepted).anyMatch(e -> lower.endsWith("." + e));
    }
}
