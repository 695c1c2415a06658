package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

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
}
