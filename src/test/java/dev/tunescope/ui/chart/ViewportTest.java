package dev.tunescope.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.tunescope.plot.AxisRange;
import dev.tunescope.plot.Scale;
import dev.tunescope.plot.ScaleType;
import org.junit.jupiter.api.Test;

/** The zoom and pan arithmetic, without a toolkit. */
class ViewportTest {
    private static final AxisRange STEPS = new AxisRange(0, 1000, ScaleType.LINEAR);
    private static final AxisRange VALUES = new AxisRange(0.01, 100, ScaleType.LOG);
    private static final AxisRange FITTED = new AxisRange(1, 2, ScaleType.LOG);

    private final Viewport view = new Viewport();

    private Scale x() {
        return view.x(STEPS).toScale(100, 600);
    }

    private Scale y() {
        return view.y(VALUES, () -> FITTED).toScale(400, 0);
    }

    @Test
    void wheelZoomKeepsTheValueUnderThePointerWhereItIs() {
        double stepUnder = x().toValue(220);
        double valueUnder = y().toValue(130);
        view.zoomAround(x(), y(), 220, 130, 0.5);
        assertThat(x().toValue(220)).isCloseTo(stepUnder, offset(1e-9));
        assertThat(y().toValue(130)).isCloseTo(valueUnder, offset(1e-9));
        assertThat(view.x(STEPS).max() - view.x(STEPS).min()).isCloseTo(500, offset(1e-9));
        // a log axis zooms by decades: 4 decades become 2
        assertThat(Math.log10(view.y(VALUES, () -> FITTED).max() / view.y(VALUES, () -> FITTED).min()))
                .isCloseTo(2, offset(1e-9));
    }

    @Test
    void panningMovesTheDataWithTheMouse() {
        view.pan(x(), y(), 50, 0); // 50 px of 500 = 100 steps to the right: the view starts 100 steps earlier
        assertThat(view.x(STEPS).min()).isCloseTo(-100, offset(1e-9));
        assertThat(view.x(STEPS).max()).isCloseTo(900, offset(1e-9));
        assertThat(view.y(VALUES, () -> FITTED)).isEqualTo(VALUES);
    }

    @Test
    void fittingYFollowsTheVisiblePointsUntilYIsZoomed() {
        view.showSteps(200, 300);
        view.fitYToVisible();
        assertThat(view.x(STEPS)).isEqualTo(new AxisRange(200, 300, ScaleType.LINEAR));
        assertThat(view.y(VALUES, () -> FITTED)).isEqualTo(FITTED);
        view.pan(x(), y(), 10, 0);
        assertThat(view.fitsY()).as("an x-only pan keeps y fitted").isTrue();
        view.pan(x(), y(), 0, 20);
        assertThat(view.fitsY()).isFalse();
        assertThat(view.y(VALUES, () -> FITTED)).isNotEqualTo(FITTED);
        view.reset();
        assertThat(view.x(STEPS)).isEqualTo(STEPS);
        assertThat(view.y(VALUES, () -> FITTED)).isEqualTo(VALUES);
    }

    @Test
    void aRectangleZoomShowsItsCornersAndANarrowSpanIsWidenedToAStep() {
        view.zoomToRectangle(x(), y(), 150, 100, 350, 300);
        assertThat(view.x(STEPS).min()).isCloseTo(100, offset(1e-9));
        assertThat(view.x(STEPS).max()).isCloseTo(500, offset(1e-9));
        view.showSteps(42, 42);
        assertThat(view.x(STEPS)).isEqualTo(new AxisRange(41.5, 42.5, ScaleType.LINEAR));
    }
}
