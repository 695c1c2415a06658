package dev.tunescope.cli;

import dev.tunescope.diagnose.ClippingAdvisor;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.run.MetricRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code diagnose} and {@code export} share: the folder, a role mapping and the rule settings users change. */
public final class DiagnosisOptions {

    @Parameters(index = "0", paramLabel = "PATH", description = "A folder of runs (searched at any depth).")
    Path path;

    @Option(names = "--clip-percentile", paramLabel = "P", defaultValue = "90",
            description = "Percentile of the gradient norms to clip at (default: ${DEFAULT-VALUE}).")
    double clipPercentile;

    @Option(names = "--role", paramLabel = "ROLE=TAG",
            description = "Use TAG for a role: train-loss, eval-loss, grad-norm, learning-rate, throughput."
                    + " Repeatable.")
    Map<String, String> roles = Map.of();

    /** Whether the path exists and the options make sense; says what is wrong otherwise. */
    boolean valid(CommandSpec spec) {
        String problem = !Files.exists(path) ? "no such file or folder: " + path
                : !(clipPercentile >= 0 && clipPercentile <= 100) ? "--clip-percentile must lie in [0, 100]"
                : roles.keySet().stream().filter(r -> roleNamed(r) == null).findFirst()
                        .map(r -> "unknown role '" + r + "': use train-loss, eval-loss, grad-norm, learning-rate or"
                                + " throughput").orElse(null);
        if (problem != null) {
            spec.commandLine().getErr().println("tunescope " + spec.name() + ": " + problem);
        }
        return problem == null;
    }

    DiagnosisSettings settings() {
        DiagnosisSettings settings = DiagnosisSettings.DEFAULTS.withClipping(new ClippingAdvisor.Settings(
                clipPercentile, ClippingAdvisor.Settings.DEFAULTS.lowerLrWarningFraction()));
        var aliases = settings.aliases();
        for (Map.Entry<String, String> role : roles.entrySet()) {
            aliases = aliases.withOverride(roleNamed(role.getKey()), role.getValue());
        }
        return settings.withAliases(aliases);
    }

    /** The role a name such as {@code eval-loss} stands for, or null. */
    private static MetricRole roleNamed(String name) {
        try {
            return MetricRole.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
