package dev.tunescope.cli;

import dev.tunescope.diagnose.Diagnoser;
import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.io.RunLoader;
import dev.tunescope.io.StudyGrouping;
import dev.tunescope.run.Run;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tunescope diagnose PATH [--json]}: the playbook's findings for the runs under PATH. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Apply the tuning playbook to the runs under PATH: lr*, unstable trials, warmup, clipping,"
                + " run length and batch size, each with its evidence.")
public final class DiagnoseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DiagnosisOptions options;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Path path = options.path;
        if (!options.valid(spec)) {
            return ExitCodes.USAGE;
        }
        List<Run> runs = RunLoader.loadAll(path);
        Diagnosis diagnosis = Diagnoser.diagnose(StudyGrouping.group(path, runs), options.settings());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? JsonValues.MAPPER.writeValueAsString(DiagnosisJson.of(diagnosis)) + "\n"
                : DiagnosisText.of(diagnosis, runs.size()));
        out.flush();
        return ExitCodes.OK;
    }
}
