package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunescope.run.ScalarSeries;
import org.junit.jupiter.api.Test;

class M4ReducerTest {
    private static final Scale Y = new LinearScale(0, 10, 100, 0);

    @Test
    void anEmptySeriesGivesNothing() {
        ReducedLine line = M4Reducer.reduce(ScalarSeries.of("s", new long[0], new double[0]),
                new LinearScale(0, 1, 0, 100), Y, 100);
        assertThat(line.size()).isZero();
        assertThat(line.segmentCount()).isZero();
        assertThat(line.markerCount()).isZero();
    }

    @Test
    void aOnePointSeriesIsOneSegmentOfOnePoint() {
        ReducedLine line = M4Reducer.reduce(ScalarSeries.of("s", new long[] {5}, new double[] {2.5}),
                new LinearScale(0, 10, 0, 100), Y, 100);
        assertThat(line.size()).isEqualTo(1);
        assertThat(line.segmentCount()).isEqualTo(1);
        assertThat(line.x(0)).isEqualTo(50);
        assertThat(line.y(0)).isEqualTo(75);
        assertThat(line.sourceIndex(0)).isZero();
    }

    @Test
    void anAllNaNSeriesDrawsNoLineAndOneMarkerPerColumn() {
        long[] steps = new long[10];
        double[] values = new double[10];
        for (int i = 0; i < 10; i++) {
            steps[i] = i;
            values[i] = Double.NaN;
        }
        ReducedLine line = M4Reducer.reduce(ScalarSeries.of("s", steps, values), new LinearScale(0, 10, 0, 5), Y, 5);
        assertThat(line.size()).isZero();
        assertThat(line.segmentCount()).isZero();
        assertThat(line.markerCount()).isEqualTo(5);
        for (int m = 0; m < 5; m++) {
            assertThat(line.markerStep(m)).isEqualTo(2L * m); // the first step of each two-step column
            assertThat(line.markerKind(m)).isEqualTo(NonFinite.NAN);
        }
    }

    @Test
    void oneSpikeAmongAMillionPointsSurvives() {
        int n = 1_000_000;
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
            values[i] = 1 + 0.001 * (i % 7);
        }
        values[654_321] = 1000;
        ScalarSeries series = ScalarSeries.of("loss", steps, values);
        ReducedLine line = M4Reducer.reduce(series, new LinearScale(0, n - 1, 0, 200),
                new LogScale(0.5, 2000, 300, 0), 200);
        assertThat(line.size()).isLessThanOrEqualTo(4 * 200 + 1);
        boolean spikeKept = false;
        for (int i = 0; i < line.size(); i++) {
            spikeKept |= line.sourceIndex(i) == 654_321;
        }
        assertThat(spikeKept).isTrue();
    }

    @Test
    void divergenceBreaksTheLineAndIsMarkedWhereItStarts() {
        long[] steps = new long[1000];
        double[] values = new double[1000];
        for (int i = 0; i < 1000; i++) {
            steps[i] = i;
            values[i] = i < 500 ? 2.0 : i == 500 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        ReducedLine line = M4Reducer.reduce(ScalarSeries.of("loss", steps, values),
                new LinearScale(0, 999, 0, 100), Y, 100);
        assertThat(line.segmentCount()).isEqualTo(1);
        assertThat(line.sourceIndex(line.size() - 1)).isEqualTo(499);
        assertThat(line.markerKind(0)).isEqualTo(NonFinite.POSITIVE_INFINITY);
        assertThat(line.markerStep(0)).isEqualTo(500);
        assertThat(line.markerKind(1)).isEqualTo(NonFinite.NAN);
        assertThat(line.markerStep(1)).isEqualTo(501);
    }

    @Test
    void zerosOnALogAxisBreakTheLineWithoutMarkers() {
        ScalarSeries s = ScalarSeries.of("s", new long[] {0, 1, 2, 3, 4}, new double[] {1, 2, 0, 3, -1});
        ReducedLine line = M4Reducer.reduce(s, new LinearScale(0, 4, 0, 400), new LogScale(0.1, 10, 100, 0), 400);
        assertThat(line.segmentCount()).isEqualTo(2);
        assertThat(line.segmentEnd(0) - line.segmentStart(0)).isEqualTo(2);
        assertThat(line.sourceIndex(2)).isEqualTo(3);
        assertThat(line.markerCount()).isZero();
    }

    @Test
    void stepZeroOnALogStepAxisIsLeftOut() {
        ScalarSeries s = ScalarSeries.of("s", new long[] {0, 1, 10, 100}, new double[] {1, 2, 3, 4});
        ReducedLine line = M4Reducer.reduce(s, new LogScale(1, 100, 0, 200), Y, 200);
        assertThat(line.size()).isEqualTo(3);
        assertThat(line.sourceIndex(0)).isEqualTo(1);
        assertThat(line.x(1)).isEqualTo(100);
    }

    @Test
    void zoomedInKeepsOneNeighbourEachSide() {
        long[] steps = new long[100];
        double[] values = new double[100];
        for (int i = 0; i < 100; i++) {
            steps[i] = 10L * i;
            values[i] = i % 10;
        }
        ScalarSeries s = ScalarSeries.of("s", steps, values);
        IndexRange range = M4Reducer.visibleIndices(s, 205, 395);
        assertThat(range).isEqualTo(new IndexRange(20, 41)); // steps 210..390 plus 200 and 400 as neighbours
        ReducedLine line = M4Reducer.reduce(s, new LinearScale(205, 395, 0, 1000), Y, 1000);
        assertThat(line.sourceIndex(0)).isEqualTo(20);
        assertThat(line.sourceIndex(line.size() - 1)).isEqualTo(40);
        assertThat(line.size()).isEqualTo(21);
    }

    @Test
    void reduceIntoReusesTheOutput() {
        ScalarSeries s = ScalarSeries.of("s", new long[] {1, 2, 3}, new double[] {1, Double.NaN, 3});
        ReducedLine out = new ReducedLine();
        M4Reducer.reduceInto(s, 0, 3, new LinearScale(0, 4, 0, 400), Y, 400, out);
        M4Reducer.reduceInto(s, 0, 3, new LinearScale(0, 4, 0, 400), Y, 400, out);
        assertThat(out.size()).isEqualTo(2);
        assertThat(out.segmentCount()).isEqualTo(2);
        assertThat(out.markerCount()).isEqualTo(1);
        assertThat(out.xArray()[1]).isEqualTo(300);
    }

    @Test
    void badArgumentsAreRejected() {
        ScalarSeries s = ScalarSeries.of("s", new long[] {1, 2}, new double[] {1, 2});
        LinearScale x = new LinearScale(0, 4, 0, 400);
        assertThatThrownBy(() -> M4Reducer.reduce(s, x, Y, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> M4Reducer.reduce(s, new LinearScale(0, 4, 400, 0), Y, 400))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> M4Reducer.reduce(s, 0, 3, x, Y, 400)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
