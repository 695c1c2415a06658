package dev.tunescope.cli;

import dev.tunescope.diagnose.Diagnoser;
import dev.tunescope.diagnose.Diagnosis;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunescope diagnose PATH [--json]}: the playbook's findings for the runs under PATH; one diagnosis per LR
 * sweep when PATH holds several ({@code {"diagnoses":[{"sweep", ...}]}} in JSON).
 */
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
        DiagnosisInput input = DiagnosisInput.read(path, options.settings());
        input.notices().forEach(spec.commandLine().getErr()::println);
        List<Diagnoser.StudyDiagnosis> diagnoses = input.diagnoses();
        PrintWriter out = spec.commandLine().getOut();
        if (diagnoses.size() == 1) {
            Diagnosis diagnosis = diagnoses.get(0).diagnosis();
            out.print(json ? JsonValues.MAPPER.writeValueAsString(DiagnosisJson.of(diagnosis)) + "\n"
                    : DiagnosisText.of(diagnosis, input.runCount()));
        } else if (json) {
            ObjectNode root = JsonValues.MAPPER.createObjectNode();
            ArrayNode list = root.putArray("diagnoses");
            for (Diagnoser.StudyDiagnosis d : diagnoses) {
                ObjectNode one = list.addObject();
                one.put("sweep", d.sweep());
                one.setAll(DiagnosisJson.of(d.diagnosis()));
            }
            out.println(JsonValues.MAPPER.writeValueAsString(root));
        } else {
            for (Diagnoser.StudyDiagnosis d : diagnoses) {
                out.print("== " + d.sweep() + " ==\n\n" + DiagnosisText.of(d.diagnosis(), input.runCount()) + "\n");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
