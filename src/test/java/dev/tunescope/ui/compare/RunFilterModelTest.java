package dev.tunescope.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.diagnose.TrialStability;
import dev.tunescope.run.Run;
import dev.tunescope.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The filter in force over a real workspace, without a scene: verdicts, studies, and text that cannot be read. */
class RunFilterModelTest {
    private static Workspace samples;

    @BeforeAll
    static void read() throws Exception {
        samples = Workspace.read(Path.of("sample-runs"), DiagnosisSettings.DEFAULTS);
    }

    private static Set<String> shown(RunFilterModel filter) {
        return samples.ownStudies().stream().flatMap(s -> s.runs().stream()).filter(filter::matches)
                .map(Run::path).collect(Collectors.toSet());
    }

    @Test
    void theUnstableKeywordFindsTheRunsTheDiagnosisJudgedUnstable() {
        SimpleStringProperty text = new SimpleStringProperty("unstable");
        RunFilterModel filter = new RunFilterModel(text, new SimpleObjectProperty<>(samples));
        Set<String> unstable = samples.diagnoses().stream().flatMap(d -> d.verdicts().stream())
                .filter(TrialStability::unstable).map(TrialStability::run).collect(Collectors.toSet());
        assertThat(unstable).isNotEmpty();
        assertThat(shown(filter)).isEqualTo(unstable);
        text.set("stable");
        assertThat(shown(filter)).isNotEmpty().doesNotContainAnyElementsOf(unstable);
    }

    @Test
    void wordsMatchTheStudyAndTextThatCannotBeReadKeepsTheLastFilter() {
        SimpleStringProperty text = new SimpleStringProperty("batch-probe batch_size<=16");
        RunFilterModel filter = new RunFilterModel(text, new SimpleObjectProperty<>(samples));
        assertThat(shown(filter)).containsExactlyInAnyOrder("batch-probe/batch_8", "batch-probe/batch_16");
        text.set("batch_size<=sixteen");
        assertThat(filter.errorProperty().get()).contains("'sixteen' is not a number");
        assertThat(shown(filter)).containsExactlyInAnyOrder("batch-probe/batch_8", "batch-probe/batch_16");
        text.set("");
        assertThat(filter.errorProperty().get()).isEmpty();
        assertThat(shown(filter)).hasSize(samples.runCount());
    }

    @Test
    void statusDivergedFindsRunsWhoseLossWentNaNThoughTheyRecordNoStatus() throws Exception {
        Workspace fixtures = Workspace.read(dev.tunescope.testing.Fixtures.resolve("lightning_csv"),
                DiagnosisSettings.DEFAULTS);
        RunFilterModel filter = new RunFilterModel(new SimpleStringProperty("status=diverged"),
                new SimpleObjectProperty<>(fixtures));
        List<Run> runs = fixtures.ownStudies().stream().flatMap(s -> s.runs().stream()).toList();
        assertThat(runs).allMatch(run -> run.status() == dev.tunescope.run.RunStatus.UNKNOWN);
        assertThat(runs.stream().filter(filter::matches).map(Run::name)).containsExactly("version_1");
    }

    @Test
    void filteringATableKeepsItsColumns() {
        RunsTableModel.Table all = RunsTableModel.build(samples, run -> true);
        RunsTableModel.Table some = all.filtered(run -> run.name().equals("batch_8"));
        assertThat(some.columns()).isEqualTo(all.columns());
        assertThat(some.rows()).extracting(r -> r.run().name()).isEqualTo(List.of("batch_8"));
    }
}
