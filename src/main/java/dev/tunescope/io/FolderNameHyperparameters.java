package dev.tunescope.io;

import dev.tunescope.run.Hyperparameters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads hyperparameters off a run's folder name, for runs whose format recorded none.
 *
 * <p>Two spellings are understood: {@code key=value} pairs separated by commas or semicolons
 * ({@code lr=3e-4,warmup=100}), and underscore-joined name/number pairs ({@code lr_0.001},
 * {@code lr_3.16e-01_warmup_40}). In the second spelling only numbers count as values, and run counters such
 * as {@code version_0} or {@code trial_3} are not taken for hyperparameters.
 */
public final class FolderNameHyperparameters {
    public static final String SOURCE = "folder name";

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Set<String> COUNTERS = Set.of("version", "run", "trial", "exp", "experiment", "job", "id",
            "step", "epoch", "fold", "rank");

    private FolderNameHyperparameters() {
    }

    public static Hyperparameters parse(String folderName) {
        Map<String, String> values = folderName.contains("=") ? keyValuePairs(folderName) : underscorePairs(folderName);
        return values.isEmpty() ? Hyperparameters.NONE : Hyperparameters.parsed(values, SOURCE);
    }

    private static Map<String, String> keyValuePairs(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : name.split("[,;&]")) {
            int eq = part.indexOf('=');
            if (eq > 0 && eq < part.length() - 1) {
                values.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return values;
    }

    private static Map<String, String> underscorePairs(String name) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] tokens = name.split("_");
        for (int i = 0; i + 1 < tokens.length; i++) {
            String key = tokens[i];
            String value = tokens[i + 1];
            if (NAME.matcher(key).matches() && NUMBER.matcher(value).matches()
                    && !COUNTERS.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                values.put(key, value);
                i++;
            }
        }
        return values;
    }
}
