package dev.tunescope.run;

import java.util.Locale;

/**
 * What a filter looks at for one run: the run, the study it belongs to, and its stability verdict where the
 * diagnosis gave one (the {@code stable} and {@code unstable} keywords need it).
 *
 * @param status what is known of the run's state: its own status, or what the diagnosis saw (a run that records
 *               none but whose loss went NaN has diverged)
 * @param words what plain words are looked for in, case folded: the study, the run's name and path, its format,
 *              status and settings ({@code lr=0.01 optimizer=adam}); made once, as a subject is tested often
 */
public record FilterSubject(String study, Run run, Stability stability, RunStatus status, String words) {

    /** The diagnosis' verdict on a run, as the filter needs it (the run layer knows nothing of the rules). */
    public enum Stability { STABLE, UNSTABLE, UNKNOWN }

    public FilterSubject(String study, Run run, Stability stability, RunStatus status) {
        this(study, run, stability, status, wordsOf(study, run, status));
    }

    public FilterSubject(String study, Run run, Stability stability) {
        this(study, run, stability, run.status());
    }

    public static FilterSubject of(String study, Run run) {
        return new FilterSubject(study, run, Stability.UNKNOWN);
    }

    private static String wordsOf(String study, Run run, RunStatus status) {
        StringBuilder words = new StringBuilder().append(study).append(' ').append(run.name()).append(' ')
                .append(run.path()).append(' ').append(run.format().id()).append(' ').append(status.id());
        run.hyperparameters().values().forEach((name, value) -> words.append(' ').append(name).append('=')
                .append(value.display()));
        return words.toString().toLowerCase(Locale.ROOT);
    }
}
