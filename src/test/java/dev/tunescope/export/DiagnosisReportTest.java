package dev.tunescope.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.Diagnosis;
import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.run.StudyKind;
import dev.tunescope.workspace.Workspace;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The report of a real sweep holds the plots the playbook asks for. */
class DiagnosisReportTest {

    @Test
    void theReportOfASweepPlotsEvalLossAndGradientNormAgainstStep() throws Exception {
        Workspace workspace = Workspace.read(Path.of("src/test/runs/post-ln"), DiagnosisSettings.DEFAULTS);
        Diagnosis sweep = workspace.diagnoses().stream().filter(d -> d.study().kind() == StudyKind.LR_SWEEP)
                .findFirst().orElseThrow();
        assertThat(sweep.clipping()).isPresent();
        Document doc = Xml.parse(DiagnosisReport.html(sweep, Optional.empty(), "1", "post-ln"));
        assertThat(Xml.texts(doc, "figcaption")).anySatisfy(c -> assertThat(c).startsWith("Eval loss of every trial"))
                .anySatisfy(c -> assertThat(c).startsWith("Gradient norm against step"))
                .anySatisfy(c -> assertThat(c).startsWith("Gradient norms with"));
        String run = sweep.clipping().orElseThrow().run();
        assertThat(Xml.texts(doc, "text")).contains("Gradient norm of " + run + " by step", "Eval loss by learning rate");
        long evalTrials = sweep.sweep().stream().filter(t -> t.evalLoss().isPresent()).count();
        assertThat(evalTrials).isPositive();
    }
}
