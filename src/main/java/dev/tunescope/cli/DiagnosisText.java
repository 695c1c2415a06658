package dev.tunescope.cli;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.Finding;

/** {@code diagnose} for people: one line per finding, grouped by rule, most serious marked. */
final class DiagnosisText {
    private DiagnosisText() {
    }

    static String of(Diagnosis diagnosis, int runsRead) {
        StringBuilder out = new StringBuilder();
        if (diagnosis.findings().isEmpty()) {
            return "No findings: " + runsRead + " run(s) read, but no rule had its inputs (a run needs a train loss"
                    + " and a learning rate to be a trial).\n";
        }
        String rule = "";
        for (Finding f : diagnosis.findings()) {
            if (!f.rule().equals(rule)) {
                rule = f.rule();
                out.append(out.isEmpty() ? "" : "\n").append('[').append(rule).append("]\n");
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
