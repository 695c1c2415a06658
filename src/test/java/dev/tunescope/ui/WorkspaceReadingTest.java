package dev.tunescope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.run.Run;
import dev.tunescope.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening a folder in the app shows its runs as they are read, and keeps what the person chose meanwhile. */
class WorkspaceReadingTest {
    private static final Path SWEEP = Path.of("src/test/runs/post-ln/sweep");

    @Test
    void runsAndASelectionAppearBeforeTheDiagnosis() {
        WorkspaceViewModel model = new WorkspaceViewModel(Background.direct());
        List<Integer> selectedWhileReading = new ArrayList<>();
        List<Workspace> shown = new ArrayList<>();
        model.workspaceProperty().addListener((obs, old, now) -> shown.add(now));
        model.selectedRuns().addListener((javafx.collections.ListChangeListener<Run>) change -> {
            if (model.loadingProperty().get()) {
                selectedWhileReading.add(model.selectedRuns().size());
            }
        });

        model.open(SWEEP);

        assertThat(shown.get(0).diagnoses()).isEmpty();
        assertThat(shown.get(0).runCount()).isEqualTo(1);
        assertThat(selectedWhileReading).isNotEmpty().allSatisfy(n -> assertThat(n).isPositive());
        Workspace last = shown.get(shown.size() - 1);
        assertThat(last.diagnoses()).isNotEmpty();
        assertThat(model.selectedRuns()).hasSize(last.runCount());
        assertThat(model.diagnosisProperty().get()).isPresent();
        assertThat(model.loadingProperty().get()).isFalse();
    }

    @Test
    void aRunChosenWhileReadingStaysChosen() {
        WorkspaceViewModel model = new WorkspaceViewModel(Background.direct());
        List<String> chosen = new ArrayList<>();
        model.workspaceProperty().addListener((obs, old, now) -> {
            if (chosen.isEmpty() && now.diagnoses().isEmpty()) {
                Run first = now.ownStudies().get(0).runs().get(0);
                chosen.add(first.path());
                model.selectedRuns().setAll(first); // the person clicks the one run shown so far
            }
        });

        model.open(SWEEP);

        assertThat(chosen).hasSize(1);
        assertThat(model.selectedRuns()).extracting(Run::path).containsExactly(chosen.get(0));
        assertThat(model.diagnosisProperty().get()).isPresent();
    }
}
