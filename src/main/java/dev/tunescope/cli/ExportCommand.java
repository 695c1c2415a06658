package dev.tunescope.cli;

import dev.tunescope.diagnose.Diagnoser;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.export.ConfigFiles;
import dev.tunescope.export.DiagnosisReport;
import dev.tunescope.export.RecommendedConfig;
import dev.tunescope.export.RecommendedConfigs;
import dev.tunescope.run.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tunescope export PATH --out FILE [--format json|yaml|html]}: the recommended config, or the report. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the recommended config (JSON or YAML) or a self-contained HTML report with plots.")
public final class ExportCommand implements Callable<Integer> {

    enum Format { JSON, YAML, HTML }

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
        Path path = options.path;
        DiagnosisInput input = DiagnosisInput.read(path, options.settings());
        input.notices().forEach(spec.commandLine().getErr()::println);
        if (input.diagnoses().size() > 1) {
            spec.commandLine().getErr().println("tunescope export: " + path + " holds " + input.diagnoses().size()
                    + " LR sweeps (" + input.diagnoses().stream().map(Diagnoser.StudyDiagnosis::sweep)
                    .collect(Collectors.joining(", ")) + "); export one of them");
            return ExitCodes.USAGE;
        }
        Diagnosis diagnosis = input.diagnoses().get(0).diagnosis();
        Map<String, Run> byPath = input.runsByPath();
        String source = path.toAbsolutePath().normalize().toString();
        Optional<RecommendedConfig> config = RecommendedConfigs.from(diagnosis, byPath, VersionProvider.version(),
                source);
        Format chosen = format.orElseGet(this::formatFromExtension);
        String text;
        if (chosen == Format.HTML) {
            text = DiagnosisReport.html(diagnosis, config, VersionProvider.version(), source);
        } else if (config.isEmpty()) {
            spec.commandLine().getErr().println("tunescope export: nothing to recommend for " + path + ": no"
                    + " learning-rate sweep (and no warmup study that made a learning rate stable) was found.");
            return ExitCodes.ERROR;
        } else {
            text = chosen == Format.YAML ? ConfigFiles.yaml(config.get()) : ConfigFiles.json(config.get());
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(out, text, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("Wrote " + chosen.name().toLowerCase(Locale.ROOT) + " to " + out);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private Format formatFromExtension() {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Format.YAML;
        }
        return name.endsWith(".html") || name.endsWith(".htm") ? Format.HTML : Format.JSON;
    }
}
