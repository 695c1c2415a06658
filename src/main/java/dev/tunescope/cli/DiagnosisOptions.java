package dev.tunescope.cli;

import dev.tunescope.diagnose.ClippingAdvisor;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.run.MetricRole;
import dev.tunescope.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code diagnose} and {@code export} share: the folder, a role mapping and the rule settings users change. */
public final class DiagnosisOptions {

    @Parameters(index = "0", paramLabel = "PATH", converter = FolderArgument.class,
            description = "A folder of runs (searched at any depth); ssh://[user@]host[:port]/path reads it over SFTP.")
    Path path;

    @Option(names = "--clip-percentile", paramLabel = "P", defaultValue = "90",
            description = "Percentile of the gradient norms to clip at (default: ${DEFAULT-VALUE}).")
    double clipPercentile;

    @Option(names = "--role", paramLabel = "ROLE=TAG",
            description = "Use TAG for a role: train-loss, eval-loss, grad-norm, learning-rate, throughput, clipped."
                    + " Repeatable.")
    Map<String, String> roles = Map.of();

    @Option(names = "--study", paramLabel = "ID",
            description = "Only the study with this id or folder (as diagnose lists them, relative to PATH).")
    String study;

    /** Whether the path exists and the options make sense; says what is wrong otherwise. */
    boolean valid(CommandSpec spec) {
        String problem = !Files.exists(path) ? "no such file or folder: " + path
                : !(clipPercentile >= 0 && clipPercentile <= 100) ? "--clip-percentile must lie in [0, 100]"
                : roles.keySet().stream().filter(r -> roleNamed(r) == null).findFirst()
                        .map(r -> "unknown role '" + r + "': use train-loss, eval-loss, grad-norm, learning-rate,"
                                + " throughput or clipped").orElse(null);
        if (problem != null) {
            spec.commandLine().getErr().println("tunescope " + spec.name() + ": " + problem);
        }
        return problem == null;
    }

    /**
     * The diagnoses to report: every study's, or the one {@code --study} names; null (after saying why) when
     * {@code --study} names none.
     */
    List<Diagnosis> chosen(Workspace workspace, CommandSpec spec) {
        if (study == null) {
            return workspace.diagnoses();
        }
        String wanted = study.strip().replaceAll("/+$", "");
        Optional<Diagnosis> found = workspace.diagnosis(wanted.isEmpty() ? "." : wanted);
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("tunescope " + spec.name() + ": no study '" + study + "' under "
                    + path + "; its studies are: " + workspace.diagnoses().stream().map(d -> d.study().id())
                    .collect(Collectors.joining(", ")));
            return null;
        }
        return List.of(found.get());
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
