package dev.tunescope.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tunescope.diagnose.DiagnosisSettings;
import dev.tunescope.run.RunFilter;
import dev.tunescope.run.FilterSubject;
import dev.tunescope.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runs table's rows and columns, built from the bundled sample runs without any scene. */
class RunsTableModelTest {
    private static Workspace samples;
    private static RunsTableModel.Table table;

    @BeforeAll
    static void read() throws Exception {
        samples = Workspace.read(Path.of("sample-runs"), DiagnosisSettings.DEFAULTS);
        table = RunsTableModel.build(samples, run -> true);
    }

    private static RunRow row(String path) {
        return table.rows().stream().filter(r -> r.run().path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void oneRowPerRunOfTheFolder() {
        assertThat(table.rows()).hasSize(samples.runCount());
    }

    @Test
    void rowsAreInNaturalOrderWithinAStudy() {
        assertThat(table.rows().stream().filter(r -> r.study().equals("batch-probe")).map(r -> r.run().name()))
                .containsExactly("batch_8", "batch_16", "batch_32", "batch_64", "batch_128", "batch_256", "batch_512");
    }

    @Test
    void columnsAreStudyRunTheLearningRateFirstThenTheOtherSettingsThenResults() {
        List<String> ids = table.columns().stream().map(RunColumn::id).toList();
        assertThat(ids.subList(0, 3)).containsExactly("study", "run", "hparam:lr");
        assertThat(ids).contains("hparam:batch_size", "hparam:warmup_steps", "hparam:optimizer");
        assertThat(ids.indexOf("hparam:warmup_steps")).isLessThan(ids.indexOf("hparam:batch_size"));
        assertThat(ids.indexOf("hparam:batch_size")).isLessThan(ids.indexOf("hparam:optimizer"));
        assertThat(ids.subList(ids.size() - 7, ids.size())).containsExactly(RunsTableModel.BEST_TRAIN_LOSS,
                RunsTableModel.FINAL_TRAIN_LOSS, RunsTableModel.BEST_EVAL_LOSS, RunsTableModel.FINAL_EVAL_LOSS,
                RunsTableModel.STATUS, RunsTableModel.STABILITY, RunsTableModel.ONSET);
        assertThat(table.numericHyperparameters()).extracting(RunColumn::title).contains("lr", "batch_size")
                .doesNotContain("optimizer");
    }

    @Test
    void rowsCarryTheSettingsLossesAndTheDiagnosisVerdict() {
        RunRow calm = row("pre-ln-lr-sweep/lr_1.00e-03");
        assertThat(calm.cell("hparam:lr").number()).isEqualTo(0.001);
        assertThat(calm.cell(RunsTableModel.STATUS).text()).isEqualTo("finished");
        assertThat(calm.cell(RunsTableModel.STABILITY).text()).isEqualTo("stable");
        assertThat(calm.cell(RunsTableModel.ONSET).missing()).isTrue();
        double best = calm.cell(RunsTableModel.BEST_TRAIN_LOSS).number();
        assertThat(best).isPositive().isLessThanOrEqualTo(calm.cell(RunsTableModel.FINAL_TRAIN_LOSS).number());
        RunRow wild = row("post-ln-lr-sweep/lr_1.00e-01");
        assertThat(wild.unstable()).isTrue();
        assertThat(wild.cell(RunsTableModel.STABILITY).text()).startsWith("unstable: ");
        assertThat(wild.cell(RunsTableModel.ONSET).number()).isNotNaN();
        assertThat(wild.bestLoss()).isNotNaN();
    }

    @Test
    void theFilterDecidesTheRows() {
        RunFilter filter = RunFilter.parse("batch_size>=256");
        RunsTableModel.Table filtered = RunsTableModel.build(samples,
                run -> filter.matches(FilterSubject.of("", run)));
        assertThat(filtered.rows()).extracting(r -> r.run().name()).containsExactlyInAnyOrder("batch_256", "batch_512");
    }

    @Test
    void numbersSortByValueAndMissingCellsAndNaNLastBothWays() {
        List<CellValue> cells = new ArrayList<>(List.of(CellValue.of(128), CellValue.MISSING, CellValue.of(8),
                CellValue.of(Double.NaN), CellValue.of(16)));
        cells.sort((a, b) -> CellValue.compare(a, b, false));
        assertThat(cells.subList(0, 3)).extracting(CellValue::text).containsExactly("8", "16", "128");
        assertThat(cells.subList(3, 5)).extracting(CellValue::text).containsExactlyInAnyOrder("NaN", "");
        cells.sort((a, b) -> -CellValue.compare(a, b, true)); // what a descending table column does
        assertThat(cells.subList(0, 3)).extracting(CellValue::text).containsExactly("128", "16", "8");
        assertThat(cells.subList(3, 5)).allMatch(c -> c.missing() || c.text().equals("NaN"));
        assertThat(CellValue.compare(CellValue.of("batch_8"), CellValue.of("batch_16"), false)).isNegative();
    }
}
