package dev.tunescope.run;

/**
 * What a filter looks at for one run: the run, the study it belongs to, and its stability verdict where the
 * diagnosis gave one (the {@code stable} and {@code unstable} keywords need it).
 */
public record FilterSubject(String study, Run run, Stability stability) {

    /** The diagnosis' verdict on a run, as the filter needs it (the run layer knows nothing of the rules). */
    public enum Stability { STABLE, UNSTABLE, UNKNOWN }

    public static FilterSubject of(String study, Run run) {
        return new FilterSubject(study, run, Stability.UNKNOWN);
    }
}
