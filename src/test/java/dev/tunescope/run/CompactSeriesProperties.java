package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * A compact series gives back exactly the points it was given, whatever form each block chose: doubles bit for
 * bit (NaN payloads and negative zero included), floats as floats, steps exactly, wall times to the millisecond.
 */
class CompactSeriesProperties {

    @Property(tries = 200)
    void doublesComeBackBitForBit(@ForAll @Size(min = 1, max = 3000) List<Long> bits) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("x");
        for (int i = 0; i < bits.size(); i++) {
            builder.add(i, Double.longBitsToDouble(bits.get(i)), Double.NaN);
        }
        ScalarSeries series = builder.build();
        assertThat(series.size()).isEqualTo(bits.size());
        for (int i = 0; i < bits.size(); i++) {
            assertThat(Double.doubleToRawLongBits(series.value(i))).isEqualTo(bits.get(i));
        }
    }

    @Property(tries = 200)
    void floatsComeBackAsFloatsAndAreStoredAsFloats(@ForAll @Size(min = 1, max = 3000) List<Float> values) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("x");
        for (int i = 0; i < values.size(); i++) {
            builder.add(i, values.get(i), Double.NaN);
        }
        ScalarSeries series = builder.build();
        for (int i = 0; i < values.size(); i++) {
            assertThat(Float.floatToRawIntBits((float) series.value(i)))
                    .isEqualTo(Float.floatToRawIntBits(values.get(i)));
        }
        assertThat(series.layout().allFloats()).isTrue();
    }

    /** One value that is not a float widens the block it falls in, and only that one. */
    @Property(tries = 100)
    void aValueThatIsNotAFloatWidensItsBlockOnly(@ForAll @IntRange(min = 0, max = 4999) int at,
                                                 @ForAll @DoubleRange(min = -1e6, max = 1e6) double wide) {
        double notAFloat = (double) (float) wide == wide ? wide + 1e-9 : wide;
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("x");
        for (int i = 0; i < 5000; i++) {
            builder.add(i, i == at ? notAFloat : i * 0.25, Double.NaN);
        }
        ScalarSeries series = builder.build();
        assertThat(series.value(at)).isEqualTo(notAFloat);
        for (int i = 0; i < 5000; i++) {
            if (i != at) {
                assertThat(series.value(i)).isEqualTo(i * 0.25);
            }
        }
        SeriesLayout layout = series.layout();
        assertThat(layout.blocks()).isEqualTo(5);
        assertThat(layout.floatBlocks()).isEqualTo(4);
    }

    /** Steps at any gaps, up to the ends of the long range, come back exactly. */
    @Property(tries = 300)
    void increasingStepsOfAnyGapsRoundTrip(@ForAll long first,
                                           @ForAll @Size(min = 1, max = 2500) List<@LongRange(min = 1) Long> gaps) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("x");
        long[] steps = new long[gaps.size()];
        long step = first;
        int count = 0;
        for (long gap : gaps) {
            steps[count++] = step;
            builder.add(step, count, Double.NaN);
            if (step > Long.MAX_VALUE - gap) {
                break;
            }
            step += gap;
        }
        ScalarSeries series = builder.build();
        assertThat(series.stepsCopy()).isEqualTo(java.util.Arrays.copyOf(steps, count));
    }

    /** A constant stride is stored as its line: no bytes a point for the steps. */
    @Property(tries = 100)
    void aStrideTakesNoRoom(@ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long start,
                            @ForAll @LongRange(min = 1, max = 1_000_000) long stride,
                            @ForAll @IntRange(min = 1, max = 5000) int points) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("x");
        for (int i = 0; i < points; i++) {
            builder.add(start + stride * i, 1, Double.NaN);
        }
        ScalarSeries series = builder.build();
        for (int i = 0; i < points; i++) {
            assertThat(series.step(i)).isEqualTo(start + stride * i);
        }
        assertThat(series.layout().stepBytesPerPoint()).isZero();
    }

    /** Steps a little off a stride (a skipped or repeated log call) keep 16-bit residuals, still exact. */
    @Property(tries = 100)
    void stepsNearAStrideKeepSmallResiduals(
            @ForAll @Size(min = 2, max = 3000) List<@IntRange(min = 1, max = 3) Integer> gaps) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("x");
        long step = 0;
        for (int gap : gaps) {
            builder.add(step, 0, Double.NaN);
            step += gap;
        }
        ScalarSeries series = builder.build();
        step = 0;
        for (int i = 0; i < gaps.size(); i++) {
            assertThat(series.step(i)).isEqualTo(step);
            step += gaps.get(i);
        }
        assertThat(series.layout().stepBytesPerPoint()).isLessThanOrEqualTo(2);
    }

    /**
     * Wall times of any pace, including pauses and clocks that step back, come back within half a millisecond,
     * and the first of the series exactly.
     */
    @Property(tries = 200)
    void wallTimesComeBackToTheMillisecond(
            @ForAll @DoubleRange(min = 1e9, max = 2e9) double origin,
            @ForAll @Size(min = 1, max = 2500) List<@DoubleRange(min = -5, max = 3600) Double> gaps) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("x");
        double[] walls = new double[gaps.size()];
        double wall = origin;
        for (int i = 0; i < gaps.size(); i++) {
            walls[i] = wall;
            builder.add(i, 0, wall);
            wall += gaps.get(i);
        }
        ScalarSeries series = builder.build();
        assertThat(series.wallTime(0)).isEqualTo(origin);
        for (int i = 0; i < walls.length; i++) {
            assertThat(series.wallTime(i)).isCloseTo(walls[i], within(0.0005 + Math.ulp(walls[i])));
        }
    }

    /** A steady loop's wall times lie on a line: no bytes a point. */
    @Property(tries = 50)
    void steadyWallTimesTakeNoRoom(@ForAll @IntRange(min = 1, max = 5000) int millisApart,
                                   @ForAll @IntRange(min = 2, max = 5000) int points) {
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("x");
        for (int i = 0; i < points; i++) {
            builder.add(i, 0, 1_700_000_000.0 + i * (millisApart / 1000.0));
        }
        assertThat(builder.build().layout().wallBytesPerPoint()).isZero();
    }
}
