package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RunningMedianTest {

    @Test
    void eachPointIsTheMedianOfItsTrailingWindow() {
        // windows: [5] [5,1] [5,1,3] [1,3,2] [3,2,4]
        assertThat(RunningMedian.trailing(new double[] {5, 1, 3, 2, 4}, 3)).containsExactly(5, 3, 3, 2, 3);
        assertThat(RunningMedian.trailing(new double[] {5, 1, 3, 2, 4}, 1)).containsExactly(5, 1, 3, 2, 4);
        assertThat(RunningMedian.trailing(new double[] {5, 1, 3, 2, 4}, 100)).containsExactly(5, 3, 3, 2.5, 3);
        assertThat(RunningMedian.trailing(new double[0], 25)).isEmpty();
    }

    @Test
    void aSingleSpikeDoesNotMoveTheMedian() {
        assertThat(RunningMedian.trailing(new double[] {3, 3, 0.5, 3, 3}, 3)).containsExactly(3, 3, 3, 3, 3);
    }

    @Test
    void rejectsBadWindowsAndSkipsNonFiniteValues() {
        assertThatThrownBy(() -> RunningMedian.trailing(new double[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(RunningMedian.trailing(new double[] {Double.NaN, 1, Double.NaN, 3}, 3))
                .containsExactly(Double.NaN, 1, 1, 2);
    }

    @Property
    void agreesWithSortingEachWindow(
            @ForAll @Size(max = 60) double[] raw,
            @ForAll @IntRange(min = 1, max = 12) int window) {
        double[] values = Arrays.stream(raw).map(v -> Double.isFinite(v) ? Math.rint(v % 7) : 0).toArray();
        double[] medians = RunningMedian.trailing(values, window);
        for (int i = 0; i < values.length; i++) {
            double[] slice = Arrays.copyOfRange(values, Math.max(0, i - window + 1), i + 1);
            Arrays.sort(slice);
            int n = slice.length;
            double expected = n % 2 == 1 ? slice[n / 2] : slice[n / 2 - 1] / 2 + slice[n / 2] / 2;
            assertThat(medians[i]).isEqualTo(expected);
        }
    }

    @Property
    void windowOfOneChangesNothing(@ForAll @Size(max = 30) double[] raw,
                                   @ForAll @DoubleRange(min = -5, max = 5) double shift) {
        double[] values = Arrays.stream(raw).map(v -> Double.isFinite(v) ? v + shift : shift).toArray();
        assertThat(RunningMedian.trailing(values, 1)).containsExactly(values);
    }
}
