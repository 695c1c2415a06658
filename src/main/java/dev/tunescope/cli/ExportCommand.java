package dev.tunescope.cli;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.export.ConfigFiles;
import dev.tunescope.export.DiagnosisReport;
import dev.tunescope.export.RecommendedConfig;
import dev.tunescope.io.AtomicFiles;
import dev.tunescope.workspace.Recommendation;
import dev.tunescope.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunescope export PATH --out FILE [--format json|yaml|html] [--study ID]}: the recommended config, or the
 * report, of one LR sweep (with the studies that refer to it).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the recommended config (JSON or YAML) or a self-contained HTML report with plots, for"
                + " one LR sweep of PATH (--study chooses it where PATH holds several).")
public final class ExportCommand implements Callable<Integer> {

    /** Given in any case on the command line; listed in lower case in messages. */
    enum Format {
        JSON, YAML, HTML;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DiagnosisOptions options;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, yaml or html (default: from the file's extension, else json).")
    Optional<Format> format = Optional.empty();

    @Override
    public Integer call() throws Exception {
        if (!options.valid(spec)) {
            return ExitCodes.USAGE;
        }
        checkDestination();
        Path path = options.path;
        Workspace workspace = Workspace.read(path, options.settings());
        workspace.notices().forEach(spec.commandLine().getErr()::println);
        Optional<Diagnosis> main = chosen(workspace);
        if (main.isEmpty()) {
            return ExitCodes.USAGE;
        }
        String source = path.toAbsolutePath().normalize().toString();
        Optional<RecommendedConfig> config = Recommendation.config(workspace, main.get(), VersionProvider.version(),
                source);
        Format chosen = format.orElseGet(this::formatFromExtension);
        String text;
        if (chosen == Format.HTML) {
            text = DiagnosisReport.html(main.get(), config, VersionProvider.version(), source);
        } else if (config.isEmpty()) {
            spec.commandLine().getErr().println("tunescope export: nothing to recommend for " + main.get().study().id()
                    + ": it has no lr* (and no warmup that made a learning rate stable).");
            return ExitCodes.ERROR;
        } else {
            text = chosen == Format.YAML ? ConfigFiles.yaml(config.get()) : ConfigFiles.json(config.get());
        }
        AtomicFiles.writeString(out, text); // a reader or a kill never finds half a report
        spec.commandLine().getOut().println(TerminalText.sanitise("Wrote " + chosen + " for "
                + main.get().study().label() + " to " + out));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** The study the export centres on: the one --study names, else the only candidate; empty after saying why. */
    private Optional<Diagnosis> chosen(Workspace workspace) {
        if (options.study != null) {
            List<Diagnosis> one = options.chosen(workspace, spec);
            return one == null ? Optional.empty() : Optional.of(one.get(0));
        }
        List<Diagnosis> candidates = Recommendation.candidates(workspace);
        if (candidates.size() == 1) {
            return Optional.of(candidates.get(0));
        }
        String problem = candidates.isEmpty()
                ? options.path + " holds no LR sweep (and no warmup study that made a learning rate stable)"
                + (workspace.diagnoses().isEmpty() ? "" : "; its studies are: " + ids(workspace.diagnoses()))
                : options.path + " holds " + candidates.size() + " LR sweeps (" + ids(candidates)
                + "): choose one with --study ID";
        spec.commandLine().getErr().println("tunescope export: " + problem);
        return Optional.empty();
    }

    private static String ids(List<Diagnosis> diagnoses) {
        return diagnoses.stream().map(d -> d.study().id()).collect(Collectors.joining(", "));
    }

    /** Refuses, before any work, a file that cannot be written where it is asked for: no folder is created. */
    private void checkDestination() {
        Path parent = out.toAbsolutePath().normalize().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("--out " + out + ": the folder " + parent + " does not exist; create it first");
        }
        if (Files.isDirectory(out)) {
            throw new UserError("--out " + out + " is a folder; name the file to write");
        }
    }

    private Format formatFromExtension() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Format.YAML;
        }
        return name.endsWith(".html") || name.endsWith(".htm") ? Format.HTML : Format.JSON;
    }
}
