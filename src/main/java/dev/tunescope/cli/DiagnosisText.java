package dev.tunescope.cli;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Finding;
import dev.tunescope.run.Study;
import java.util.List;

/** {@code diagnose} for people: one section per study, named by its folder and kind, one line per finding. */
final class DiagnosisText {
    private DiagnosisText() {
    }

    static String of(List<Diagnosis> diagnoses, int runsRead) {
        if (diagnoses.isEmpty()) {
            return "No studies: " + runsRead + " run(s) read.\n";
        }
        StringBuilder out = new StringBuilder();
        for (Diagnosis d : diagnoses) {
            out.append(out.isEmpty() ? "" : "\n").append(section(d));
        }
        return out.toString();
    }

    static String section(Diagnosis diagnosis) {
        Study study = diagnosis.study();
        StringBuilder out = new StringBuilder("== ").append(study.label()).append(": ").append(study.kind().id())
                .append(", ").append(diagnosis.trials().size()).append(diagnosis.trials().size() == 1 ? " trial"
                        : " trials").append(" (").append(study.kindReason()).append(") ==\n");
        study.notes().forEach(note -> out.append("  note: ").append(note).append('\n'));
        if (diagnosis.trials().size() < study.runs().size()) {
            out.append("  note: ").append(study.runs().size() - diagnosis.trials().size())
                    .append(" run(s) without a train loss and a learning rate are listed but not judged.\n");
        }
        if (diagnosis.findings().isEmpty()) {
            out.append("  No findings: no rule had its inputs (a trial needs a train loss and a learning rate).\n");
            return out.toString();
        }
        String rule = "";
        for (Finding f : diagnosis.findings()) {
            if (!f.rule().equals(rule)) {
                rule = f.rule();
                out.append('[').append(rule).append("]\n");
            }
            out.append(switch (f.severity()) {
                case WARNING -> "  ! ";
                case ADVICE -> "  > ";
                case INFO -> "    ";
            }).append(f.message()).append('\n');
        }
        return out.toString();
    }
}
