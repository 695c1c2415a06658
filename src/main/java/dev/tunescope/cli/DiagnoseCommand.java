package dev.tunescope.cli;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.workspace.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunescope diagnose PATH [--json] [--study ID]}: the playbook's findings for every study under PATH, one
 * section per study ({@code {"studies":[...]}} in JSON).
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Apply the tuning playbook to every study under PATH: lr* and unstable trials of LR sweeps,"
                + " warmup and clipping verdicts, the probe, run length and batch size, each with its evidence.")
public final class DiagnoseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DiagnosisOptions options;

    @Option(names = "--json", description = "Print machine-readable JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!options.valid(spec)) {
            return ExitCodes.USAGE;
        }
        Workspace workspace = Workspace.read(options.path, options.settings());
        workspace.notices().forEach(spec.commandLine().getErr()::println);
        List<Diagnosis> diagnoses = options.chosen(workspace, spec);
        if (diagnoses == null) {
            return ExitCodes.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? JsonValues.MAPPER.writeValueAsString(DiagnosisJson.of(diagnoses)) + "\n"
                : DiagnosisText.of(diagnoses, workspace.runCount()));
        out.flush();
        return ExitCodes.OK;
    }
}
