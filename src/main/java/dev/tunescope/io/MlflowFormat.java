package dev.tunescope.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The layout of one run in an MLflow file store ({@code mlruns/<experiment id>/<run id>/}), as MLflow's
 * {@code FileStore} writes it:
 * <pre>
 * meta.yaml            run info: run_name, status (RunStatus enum number), start_time, ...
 * metrics/&lt;key&gt;        one line per logged value: "&lt;timestamp ms&gt; &lt;value&gt; &lt;step&gt;"
 * params/&lt;key&gt;         the parameter's value as bare text
 * tags/&lt;key&gt;           the tag's value as bare text (mlflow.runName holds the run's name)
 * </pre>
 * A key containing {@code /} is a nested path ({@code train/loss} is {@code metrics/train/loss}).
 */
public final class MlflowFormat {
    public static final String META = "meta.yaml";
    public static final String METRICS = "metrics";
    public static final String PARAMS = "params";
    public static final String TAGS = "tags";
    public static final String RUN_NAME_TAG = "mlflow.runName";

    private MlflowFormat() {
    }

    /**
     * True for a run folder. The experiment folder above it also has a {@code meta.yaml}, but none of the
     * three record folders, which tells the two apart. A named pipe called {@code meta.yaml} counts, so that the
     * run's reader reports it.
     */
    public static boolean isRunDirectory(Path dir) {
        return RegularFiles.existsAsNonDirectory(dir.resolve(META))
                && (Files.isDirectory(dir.resolve(METRICS)) || Files.isDirectory(dir.resolve(PARAMS))
                || Files.isDirectory(dir.resolve(TAGS)));
    }
}
