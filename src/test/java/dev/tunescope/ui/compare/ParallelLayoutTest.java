package dev.tunescope.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.run.Hyperparameters;
import dev.tunescope.run.Run;
import dev.tunescope.run.RunFormat;
import dev.tunescope.run.RunStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parallel coordinates' layout math: axes, log scales, heights, and which line a pointer is on. */
class ParallelLayoutTest {
    private static RunRow row(String name, double lr, double batch, double bestLoss, boolean unstable) {
        Run run = new Run("s/" + name, name, RunFormat.TENSORBOARD, RunStatus.FINISHED, Hyperparameters.NONE, Map.of(),
                Map.of(), List.of());
        return new RunRow(run, "s", Map.of("hparam:lr", CellValue.of(lr), "hparam:batch_size", CellValue.of(batch),
                "hparam:seed", CellValue.of(1)), bestLoss, unstable);
    }

    private static final List<RunColumn> COLUMNS = List.of(
            new RunColumn("run", "Run", RunColumn.Kind.RUN, false),
            new RunColumn("hparam:lr", "lr", RunColumn.Kind.HYPERPARAMETER, true),
            new RunColumn("hparam:batch_size", "batch_size", RunColumn.Kind.HYPERPARAMETER, true),
            new RunColumn("hparam:seed", "seed", RunColumn.Kind.HYPERPARAMETER, true));
    private static final ParallelCoordinatesModel.Plot PLOT = ParallelCoordinatesModel.plot(new RunsTableModel.Table(
            COLUMNS, List.of(row("a", 1e-4, 32, 2.0, false), row("b", 1e-3, 32, 1.5, false),
            row("c", 1e-2, 64, Double.NaN, true))));

    @Test
    void oneAxisPerVaryingNumericSettingThenTheBestLoss() {
        assertThat(PLOT.axes()).extracting(ParallelAxis::title).containsExactly("lr", "batch_size", "best loss");
    }

    @Test
    void axesSpanningMoreThanADecadeAreLog() {
        ParallelAxis lr = PLOT.axes().get(0);
        assertThat(lr.log()).isTrue();
        assertThat(lr.fraction(1e-3)).isCloseTo(0.5, within(1e-12));
        ParallelAxis batch = PLOT.axes().get(1);
        assertThat(batch.log()).isFalse();
        assertThat(batch.fraction(48)).isCloseTo(0.5, within(1e-12));
        assertThat(PLOT.lossAxis().fraction(Double.NaN)).isNaN();
        assertThat(ParallelAxis.over("x", "x", new double[] {3, 3}).fraction(3)).isEqualTo(0.5);
    }

    @Test
    void axesAreEvenlySpacedAndHigherValuesAreHigher() {
        ParallelLayout layout = new ParallelLayout(PLOT, 460, 300);
        assertThat(layout.x(0)).isEqualTo(ParallelLayout.LEFT);
        assertThat(layout.x(1)).isEqualTo(230);
        assertThat(layout.x(2)).isEqualTo(460 - ParallelLayout.RIGHT);
        assertThat(layout.y(0, 1e-2)).isEqualTo(layout.top());
        assertThat(layout.y(0, 1e-4)).isEqualTo(layout.bottom());
        assertThat(layout.y(0, 1e-3)).isEqualTo((layout.top() + layout.bottom()) / 2);
    }

    @Test
    void aRunWithoutALossHasNoPointOnTheLossAxis() {
        ParallelLayout layout = new ParallelLayout(PLOT, 460, 300);
        assertThat(layout.line(PLOT.rows().get(2))).hasSize(2);
        assertThat(layout.line(PLOT.rows().get(0))).hasSize(3);
    }

    @Test
    void thePointerIsOnTheNearestLineWithinAFewPixels() {
        ParallelLayout layout = new ParallelLayout(PLOT, 460, 300);
        ParallelLayout.Point onB = layout.line(PLOT.rows().get(1)).get(0);
        assertThat(layout.hit(onB.x() + 1, onB.y() + 2)).hasValue(1);
        assertThat(layout.hit(onB.x() + 40, layout.top() - 20)).isEmpty();
        ParallelLayout.Point a0 = layout.line(PLOT.rows().get(0)).get(0);
        ParallelLayout.Point a1 = layout.line(PLOT.rows().get(0)).get(1);
        assertThat(layout.hit((a0.x() + a1.x()) / 2, (a0.y() + a1.y()) / 2)).hasValue(0);
    }

    @Test
    void hoveringSaysTheRunAndItsValues() {
        assertThat(PLOT.describe(PLOT.rows().get(2)))
                .isEqualTo("s / c (unstable): lr 0.01, batch_size 64, best loss -");
    }

    @Test
    void theRampRunsFromBlueToYellowAndNoLossIsGrey() {
        assertThat(LossRamp.colour(0)).isEqualTo(0x30128c);
        assertThat(LossRamp.colour(1)).isEqualTo(0xe8c81f);
        assertThat(LossRamp.colour(Double.NaN)).isEqualTo(LossRamp.NO_LOSS);
    }
}
