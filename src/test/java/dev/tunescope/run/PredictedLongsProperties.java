package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The line-and-residual column is exact for any longs, and as narrow as the residuals allow. */
class PredictedLongsProperties {

    @Property(tries = 500)
    void anyLongsRoundTrip(@ForAll @Size(min = 1, max = 1024) List<Long> values) {
        long[] column = values.stream().mapToLong(Long::longValue).toArray();
        PredictedLongs encoded = PredictedLongs.of(column, column.length);
        for (int i = 0; i < column.length; i++) {
            assertThat(encoded.get(i)).isEqualTo(column[i]);
        }
    }

    @Property(tries = 300)
    void residualsTakeTheNarrowestWidthThatHoldsThem(
            @ForAll @Size(min = 3, max = 1024) List<@IntRange(min = -40_000, max = 40_000) Integer> noise,
            @ForAll @LongRange(min = -1_000_000_000_000_000_000L, max = 1_000_000_000_000_000_000L) long first) {
        long[] column = new long[noise.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = first + 7L * i + (i == 0 || i == column.length - 1 ? 0 : noise.get(i));
        }
        PredictedLongs encoded = PredictedLongs.of(column, column.length);
        for (int i = 0; i < column.length; i++) {
            assertThat(encoded.get(i)).isEqualTo(column[i]);
        }
        List<Integer> inner = noise.subList(1, noise.size() - 1);
        int min = inner.stream().mapToInt(Integer::intValue).min().orElse(0);
        int max = inner.stream().mapToInt(Integer::intValue).max().orElse(0);
        int expected = min == 0 && max == 0 ? 0 : min >= Short.MIN_VALUE && max <= Short.MAX_VALUE ? 2 : 4;
        assertThat(encoded.bytesPerValue()).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void evenlySpacedColumnsAreExactlyOnTheLine(
            @ForAll @IntRange(min = 2, max = 1024) int count,
            @ForAll @LongRange(min = -(1L << 54), max = 1L << 54) long first,
            @ForAll @LongRange(min = -(1L << 46), max = 1L << 46) long stride,
            @ForAll @IntRange(min = 0, max = 2) int scale) {
        long step = scale == 0 ? stride : scale == 1 ? stride >> 30 : stride >> 44; // strides of 1 to 2^46
        long[] column = new long[count];
        for (int i = 0; i < count; i++) {
            column[i] = first + step * i;
        }
        PredictedLongs encoded = PredictedLongs.of(column, count);
        for (int i = 0; i < count; i++) {
            assertThat(encoded.get(i)).isEqualTo(column[i]);
        }
        if (PredictedLongs.evenlySpaced(column, count)) {
            // what the general residual computation finds for the same column: zero everywhere
            double slope = ((double) column[count - 1] - (double) first) / (count - 1);
            for (int i = 1; i < count; i++) {
                assertThat(column[i] - (first + Math.round(i * slope))).isZero();
            }
            assertThat(encoded.bytesPerValue()).isZero();
        }
    }

    @Test
    void evenSpacingIsTakenOnlyWhereItIsExact() {
        assertThat(PredictedLongs.evenlySpaced(new long[] {5, 6, 7, 8}, 4)).isTrue();
        assertThat(PredictedLongs.evenlySpaced(new long[] {5, 6, 7, 9}, 4)).isFalse();
        assertThat(PredictedLongs.evenlySpaced(new long[] {5}, 1)).isFalse();
        assertThat(PredictedLongs.evenlySpaced(new long[] {(1L << 52) + 1, (1L << 52) + 2}, 2)).isFalse();
        assertThat(PredictedLongs.evenlySpaced(new long[] {0, Long.MIN_VALUE, 0}, 3)).isFalse(); // a wrapping stride
        assertThat(PredictedLongs.evenlySpaced(new long[] {0, 1L << 51, 1L << 52}, 3)).isTrue();
        assertThat(PredictedLongs.evenlySpaced(new long[] {0, 1L << 52, 1L << 53}, 3)).isFalse();
    }
}
