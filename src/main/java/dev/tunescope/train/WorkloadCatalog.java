package dev.tunescope.train;

import java.util.List;

/** The built-in workloads by name, as the command line and the app offer them. */
public final class WorkloadCatalog {
    public static final String MLP = "mlp";
    public static final String POST_LN = "char-transformer-post-ln";
    public static final String PRE_LN = "char-transformer-pre-ln";

    private WorkloadCatalog() {
    }

    public static List<String> names() {
        return List.of(MLP, POST_LN, PRE_LN);
    }

    /** The workload of that name, in any case ({@code MLP} too, as the command line's other choices), seeded. */
    public static Workload create(String name, long seed) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case MLP -> new MlpWorkload(new MlpWorkload.Settings(16, 4, 64, 2, 4096, 1024, seed));
            case POST_LN -> new CharTransformerWorkload(NormPlacement.POST_LN,
                    CharTransformerWorkload.Settings.DEFAULTS.withSeed(seed));
            case PRE_LN -> new CharTransformerWorkload(NormPlacement.PRE_LN,
                    CharTransformerWorkload.Settings.DEFAULTS.withSeed(seed));
            default -> throw new IllegalArgumentException("no workload named '" + name + "'; choose one of " + names());
        };
    }
}
