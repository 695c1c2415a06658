package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunescope.run.ScalarSeries;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MinMaxPyramidTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    private static ScalarSeries series(double... values) {
        long[] steps = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            steps[i] = i;
        }
        return ScalarSeries.of("s", steps, values);
    }

    @Test
    void anEmptySeriesHasNoLevels() {
        MinMaxPyramid pyramid = MinMaxPyramid.build(series(), 2);
        assertThat(pyramid.levels()).isZero();
        assertThat(pyramid.retainedBytes()).isZero();
    }

    @Test
    void aSeriesShorterThanABaseBlockHasNoLevels() {
        assertThat(MinMaxPyramid.build(series(1, 2, 3), 4).levels()).isZero();
        assertThat(MinMaxPyramid.build(series(1, 2, 3)).levels()).isZero();
    }

    @Test
    void blocksAtEveryLevelKeepMinAndMaxWithTheirFirstIndex() {
        //                                       0  1  2  3  4  5  6  7  8  9
        MinMaxPyramid pyramid = MinMaxPyramid.build(series(3, 1, 4, 1, 5, 9, 2, 6, 9, 0), 2);
        assertThat(pyramid.baseBlock()).isEqualTo(2);
        assertThat(pyramid.levels()).isEqualTo(3); // 5 blocks of 2, 2 of 4, 1 of 8
        assertThat(pyramid.blockCount(0)).isEqualTo(5);
        assertThat(pyramid.blockCount(1)).isEqualTo(2);
        assertThat(pyramid.blockCount(2)).isEqualTo(1);
        assertThat(pyramid.blockSize(2)).isEqualTo(8);

        assertThat(pyramid.min(0, 0)).isEqualTo(1);
        assertThat(pyramid.minIndex(0, 0)).isEqualTo(1);
        assertThat(pyramid.max(0, 0)).isEqualTo(3);
        assertThat(pyramid.maxIndex(0, 0)).isEqualTo(0);
        assertThat(pyramid.minIndex(1, 0)).isEqualTo(1); // 1 at indices 1 and 3: the first
        assertThat(pyramid.maxIndex(1, 0)).isEqualTo(2);
        assertThat(pyramid.min(2, 0)).isEqualTo(1);
        assertThat(pyramid.minIndex(2, 0)).isEqualTo(1);
        assertThat(pyramid.max(2, 0)).isEqualTo(9);
        assertThat(pyramid.maxIndex(2, 0)).isEqualTo(5); // 9 at 5, and at 8 outside the block
        assertThat(pyramid.minIndex(0, 4)).isEqualTo(9);
        assertThat(pyramid.maxIndex(0, 4)).isEqualTo(8);
        for (int level = 0; level < pyramid.levels(); level++) {
            for (int block = 0; block < pyramid.blockCount(level); block++) {
                assertThat(pyramid.nonFiniteFlags(level, block)).isZero();
            }
        }
    }

    @Test
    void nonFiniteValuesAreFlaggedAndLeftOutOfTheExtremes() {
        MinMaxPyramid pyramid = MinMaxPyramid.build(series(NAN, 2, -INF, 7, NAN, NAN, INF, 5), 2);
        assertThat(pyramid.nonFiniteFlags(0, 0)).isEqualTo(MinMaxPyramid.NAN);
        assertThat(pyramid.min(0, 0)).isEqualTo(2);
        assertThat(pyramid.minIndex(0, 0)).isEqualTo(1);
        assertThat(pyramid.maxIndex(0, 0)).isEqualTo(1);
        assertThat(pyramid.nonFiniteFlags(0, 1)).isEqualTo(MinMaxPyramid.NEGATIVE_INFINITY);
        assertThat(pyramid.nonFiniteFlags(0, 2)).isEqualTo(MinMaxPyramid.NAN);
        assertThat(pyramid.minIndex(0, 2)).isEqualTo(-1); // no finite value
        assertThat(pyramid.maxIndex(0, 2)).isEqualTo(-1);
        assertThat(pyramid.nonFiniteFlags(0, 3)).isEqualTo(MinMaxPyramid.POSITIVE_INFINITY);
        assertThat(pyramid.nonFiniteFlags(1, 0)).isEqualTo(MinMaxPyramid.NAN | MinMaxPyramid.NEGATIVE_INFINITY);
        assertThat(pyramid.nonFiniteFlags(1, 1)).isEqualTo(MinMaxPyramid.NAN | MinMaxPyramid.POSITIVE_INFINITY);
        assertThat(pyramid.minIndex(1, 1)).isEqualTo(7); // only the 5 is finite
        assertThat(pyramid.nonFiniteFlags(2, 0)).isEqualTo(7);
        assertThat(pyramid.min(2, 0)).isEqualTo(2);
        assertThat(pyramid.max(2, 0)).isEqualTo(7);
        assertThat(pyramid.maxIndex(2, 0)).isEqualTo(3);
    }

    @Test
    void tiesBetweenZeroAndNegativeZeroKeepTheFirst() {
        MinMaxPyramid pyramid = MinMaxPyramid.build(series(0.0, -0.0, -0.0, 0.0), 1);
        assertThat(pyramid.minIndex(2, 0)).isZero();
        assertThat(pyramid.maxIndex(2, 0)).isZero();
        pyramid = MinMaxPyramid.build(series(-0.0, 0.0, 0.0, 0.0), 4);
        assertThat(pyramid.minIndex(0, 0)).isZero();
        assertThat(Double.doubleToRawLongBits(pyramid.min(0, 0))).isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void pointsAfterTheLastWholeBlockBelongToNoBlock() {
        MinMaxPyramid pyramid = MinMaxPyramid.build(series(1, 2, 3, 4, 5, 100), 4);
        assertThat(pyramid.levels()).isEqualTo(1);
        assertThat(pyramid.blockCount(0)).isEqualTo(1);
        assertThat(pyramid.max(0, 0)).isEqualTo(4);
    }

    @Test
    void everyBlockAgreesWithAScanOfItsPoints() {
        Random random = new Random(7);
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            int roll = random.nextInt(20);
            values[i] = roll == 0 ? NAN : roll == 1 ? INF : roll == 2 ? -INF : random.nextInt(10);
        }
        MinMaxPyramid pyramid = MinMaxPyramid.build(series(values), 8);
        assertThat(pyramid.levels()).isEqualTo(7); // 125 blocks of 8 ... 1 of 512
        for (int level = 0; level < pyramid.levels(); level++) {
            int size = pyramid.blockSize(level);
            assertThat(pyramid.blockCount(level)).isEqualTo(values.length / size);
            for (int block = 0; block < pyramid.blockCount(level); block++) {
                int lowest = -1;
                int highest = -1;
                int flags = 0;
                for (int i = block * size; i < (block + 1) * size; i++) {
                    if (Double.isFinite(values[i])) {
                        lowest = lowest < 0 || values[i] < values[lowest] ? i : lowest;
                        highest = highest < 0 || values[i] > values[highest] ? i : highest;
                    } else {
                        flags |= Double.isNaN(values[i]) ? 1 : values[i] > 0 ? 2 : 4;
                    }
                }
                assertThat(pyramid.minIndex(level, block)).isEqualTo(lowest);
                assertThat(pyramid.maxIndex(level, block)).isEqualTo(highest);
                assertThat(pyramid.min(level, block)).isEqualTo(values[lowest]);
                assertThat(pyramid.max(level, block)).isEqualTo(values[highest]);
                assertThat(pyramid.nonFiniteFlags(level, block)).isEqualTo(flags);
            }
        }
    }

    @Test
    void memoryIsAtMostThreeBytesAPointAtTheDefaultBaseBlock() {
        MinMaxPyramid pyramid = MinMaxPyramid.build(series(new double[1 << 16]));
        assertThat(pyramid.baseBlock()).isEqualTo(16);
        assertThat(pyramid.retainedBytes() / (double) (1 << 16)).isLessThan(3.1);
    }

    @Test
    void aSeriesLargerThanTheHeapGetsAPyramidOfAboutTwentyFourMegabytes() {
        assertThat(MinMaxPyramid.baseBlockFor(MinMaxPyramid.FINE_POINTS)).isEqualTo(16);
        assertThat(MinMaxPyramid.baseBlockFor(MinMaxPyramid.FINE_POINTS + 1)).isEqualTo(32);
        for (int points : new int[] {MinMaxPyramid.FINE_POINTS + 1, 50_000_000, 200_000_000, Integer.MAX_VALUE}) {
            int base = MinMaxPyramid.baseBlockFor(points);
            assertThat(Integer.bitCount(base)).isEqualTo(1);
            double bytes = 2.0 * 24 * points / base; // two levels' worth of 24-byte blocks, as memory above
            assertThat(bytes).as("%d points", points).isBetween(12e6 * 0.9, 26e6);
        }
    }

    @Test
    void theBaseBlockMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> MinMaxPyramid.build(series(1, 2), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MinMaxPyramid.build(series(1, 2), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLongSeriesReducesToTheSameLineAsTheScanningReducer() {
        int n = 1_000_000;
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
            values[i] = i > 990_000 ? NAN : 1 + 0.001 * (i % 7);
        }
        values[654_321] = 1000;
        values[123_457] = INF;
        ScalarSeries s = ScalarSeries.of("loss", steps, values);
        MinMaxPyramid pyramid = MinMaxPyramid.build(s);
        for (Scale y : new Scale[] {new LinearScale(0, 1000, 500, 0), new LogScale(0.5, 2000, 500, 0)}) {
            for (Scale x : new Scale[] {new LinearScale(0, n, 0, 1600), new LinearScale(600_000, 700_000, 0, 1600)}) {
                FastM4ReducerProperties.assertSameLine(FastM4Reducer.reduce(pyramid, x, y, 1600),
                        M4Reducer.reduce(s, x, y, 1600), 0);
            }
        }
    }
}
