package dev.tunescope.train;

import dev.tunescope.run.HyperparameterValue;
import dev.tunescope.run.Hyperparameters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One trial's settings, as a user's command receives them through {@link CommandTemplate}'s placeholders and as
 * its run records them.
 *
 * @param warmupSteps 0 for no warmup
 * @param clip        the clipping threshold on the global gradient norm; 0 for no clipping
 * @param runName     the trial's name, also its run's name
 */
public record TrialValues(double lr, long warmupSteps, double clip, int batchSize, long steps, long seed,
                          String runName) {

    /** Where, under a run's folder, {@code {out}} points: see {@link #placeholders(Path)}. */
    public static final String OUT_FOLDER = "out";

    public TrialValues {
        if (!(lr > 0) || !Double.isFinite(lr)) {
            throw new IllegalArgumentException("the learning rate must be positive and finite, not " + lr);
        }
        if (!(clip >= 0) || !Double.isFinite(clip)) {
            throw new IllegalArgumentException("the clipping threshold must be 0 (none) or positive, not " + clip);
        }
        if (warmupSteps < 0 || batchSize <= 0 || steps <= 0) {
            throw new IllegalArgumentException("warmup steps (" + warmupSteps + ") cannot be negative; batch size ("
                    + batchSize + ") and steps (" + steps + ") must be positive");
        }
        if (runName == null || runName.isBlank()) {
            throw new IllegalArgumentException("a trial needs a name");
        }
    }

    /**
     * The value of every name in {@link CommandTemplate#PLACEHOLDERS}. {@code out} is {@code runDir/out}, not
     * the run folder itself: the run folder already holds the {@code metrics.jsonl} Tunescope writes from the
     * command's standard output, and a command logging in Tunescope's own format into the same folder would
     * mix its lines with those. Run discovery searches nested folders, so logs in {@code out} are found as a run
     * of their own, in whatever format they are.
     */
    public Map<String, String> placeholders(Path runDir) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("lr", number(lr));
        values.put("warmup_steps", Long.toString(warmupSteps));
        values.put("clip", number(clip));
        values.put("batch_size", Integer.toString(batchSize));
        values.put("steps", Long.toString(steps));
        values.put("out", runDir.toAbsolutePath().resolve(OUT_FOLDER).toString());
        values.put("seed", Long.toString(seed));
        values.put("run_name", runName);
        return values;
    }

    /** The hyperparameters the run records (its name and folder are not hyperparameters). */
    public Hyperparameters hyperparameters() {
        Map<String, HyperparameterValue> values = new LinkedHashMap<>();
        values.put("lr", new HyperparameterValue.Number(lr));
        values.put("warmup_steps", new HyperparameterValue.Number(warmupSteps));
        values.put("clip", new HyperparameterValue.Number(clip));
        values.put("batch_size", new HyperparameterValue.Number(batchSize));
        values.put("steps", new HyperparameterValue.Number(steps));
        values.put("seed", new HyperparameterValue.Number(seed));
        return new Hyperparameters(values, "study");
    }

    /**
     * A number as every language's float parser reads it, short and exact: whole numbers without a point
     * ({@code 100}), others in Java's shortest round-trip form with a lower-case exponent ({@code 0.001},
     * {@code 3e-4}, {@code 1.5e-5}).
     */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value).replace(".0E", "E").toLowerCase(Locale.ROOT);
    }
}
