package dev.tunescope.train;

import java.util.List;

/** The built-in workloads by name, as the command line and the app offer them. */
public final class WorkloadCatalog {
    public static final String MLP = "mlp";

    private WorkloadCatalog() {
    }

    public static List<String> names() {
        return List.of(MLP);
    }

    /** The workload of that name, with its data generated from {@code seed}. */
    public static Workload create(String name, long seed) {
        return switch (name) {
            case MLP -> new MlpWorkload(new MlpWorkload.Settings(16, 4, 64, 2, 4096, 1024, seed));
            default -> throw new IllegalArgumentException("no workload named '" + name + "'; choose one of " + names());
        };
    }
}
