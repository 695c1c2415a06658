package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Blocks written outside the heap read back bit for bit, and a builder goes on from them as from its own. */
class MappedPointBlockTest {

    /** A space in one heap buffer, standing in for the run cache's mapped file. */
    static final class BufferSpace implements BlockSpace {
        final ByteBuffer buffer;
        int used;

        BufferSpace(int capacity) {
            buffer = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN);
        }

        @Override
        public Slot reserve(int bytes) {
            if (used + bytes > buffer.capacity()) {
                return null;
            }
            Slot slot = new Slot(buffer, used, used);
            used += bytes;
            return slot;
        }

        Slot at(long position) {
            return new Slot(buffer, (int) position, position);
        }
    }

    @Property(tries = 60)
    void aSeriesThroughTheSpaceIsTheSameBitForBit(@ForAll @IntRange(min = 1, max = 5000) int points,
                                                  @ForAll @IntRange(min = 0, max = 5) int shape,
                                                  @ForAll long seed) {
        Random random = new Random(seed);
        ScalarSeriesBuilder onHeap = new ScalarSeriesBuilder("x");
        BufferSpace space = new BufferSpace(1 << 20);
        ScalarSeriesBuilder outside = new ScalarSeriesBuilder("x", space);
        long step = random.nextInt(100);
        double wall = 1.7e9 + random.nextDouble();
        for (int i = 0; i < points; i++) {
            step += shape == 1 ? 1 + random.nextInt(3) : shape == 2 ? 1 + random.nextInt(1 << 20) : 5;
            double value = shape == 3 ? random.nextGaussian() : (float) random.nextGaussian();
            if (shape == 4 && i % 97 == 0) {
                value = i % 2 == 0 ? Double.NaN : Double.NEGATIVE_INFINITY;
            }
            wall += shape == 5 ? random.nextDouble() : 0.25;
            double time = shape == 0 ? Double.NaN : shape == 4 && i < 30 ? Double.NaN : wall;
            onHeap.add(step, value, time);
            outside.add(step, value, time);
        }
        ScalarSeries expected = onHeap.build();
        ScalarSeries mapped = outside.build();
        assertSame(mapped, expected);
        // every full block went to the space, a partly filled last one stays on the heap until stored
        assertThat(space.used > 0).isEqualTo(points >= PointBlock.CAPACITY);

        long[] positions = outside.storeIn(space);
        List<BlockSpace.Slot> slots = new ArrayList<>();
        for (long position : positions) {
            slots.add(space.at(position));
        }
        ScalarSeriesBuilder restored = ScalarSeriesBuilder.restore("x", space, slots, outside.hasWallTimes(), 0);
        assertSame(restored.build(), expected);
        // going on: a point after the end, then a restart into the first block
        restored.add(step + 1, 1.5, Double.NaN);
        onHeap.add(step + 1, 1.5, Double.NaN);
        assertSame(restored.build(), onHeap.build());
        long cut = expected.step(Math.min(points - 1, 700));
        restored.add(cut, -2, Double.NaN);
        onHeap.add(cut, -2, Double.NaN);
        assertSame(restored.build(), onHeap.build());
    }

    private static void assertSame(ScalarSeries actual, ScalarSeries expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        assertThat(actual.hasWallTimes()).isEqualTo(expected.hasWallTimes());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.step(i)).isEqualTo(expected.step(i));
            assertThat(Double.doubleToRawLongBits(actual.value(i)))
                    .isEqualTo(Double.doubleToRawLongBits(expected.value(i)));
            assertThat(Double.doubleToRawLongBits(actual.wallTime(i)))
                    .isEqualTo(Double.doubleToRawLongBits(expected.wallTime(i)));
        }
    }

    @Test
    void fullBlocksLeaveTheHeap() {
        BufferSpace space = new BufferSpace(1 << 22);
        ScalarSeriesBuilder outside = new ScalarSeriesBuilder("x", space);
        ScalarSeriesBuilder onHeap = new ScalarSeriesBuilder("x");
        for (int i = 0; i < 100 * PointBlock.CAPACITY; i++) {
            outside.add(i, (float) Math.sin(i), 1.7e9 + i * 0.1);
            onHeap.add(i, (float) Math.sin(i), 1.7e9 + i * 0.1);
        }
        ScalarSeries mapped = outside.build();
        // a float a point in the space (steps a stride, times a steady pace), 96 bytes a block on the heap
        assertThat(space.used).isEqualTo(100 * (MappedPointBlock.HEADER + 4 * PointBlock.CAPACITY));
        assertThat(mapped.retainedBytes()).isLessThan(onHeap.build().retainedBytes() / 30);
    }

    @Test
    void aFullSpaceKeepsBlocksOnTheHeap() {
        BufferSpace space = new BufferSpace(5000);
        ScalarSeriesBuilder builder = new ScalarSeriesBuilder("x", space);
        for (int i = 0; i < 3 * PointBlock.CAPACITY; i++) {
            builder.add(i, i, Double.NaN);
        }
        assertThat(builder.build().size()).isEqualTo(3 * PointBlock.CAPACITY);
        assertThat(builder.build().value(3 * PointBlock.CAPACITY - 1)).isEqualTo(3 * PointBlock.CAPACITY - 1);
        assertThat(builder.storeIn(space)).isNull();
    }

    @Test
    void damagedBytesAreRefused() {
        BufferSpace space = new BufferSpace(4096);
        space.buffer.putInt(0, 5000);
        assertThatThrownBy(() -> ScalarSeriesBuilder.restore("x", space, List.of(space.at(0)), false, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a block header");
        space.buffer.putInt(0, 1024);
        space.buffer.put(5, (byte) 4);
        assertThatThrownBy(() -> ScalarSeriesBuilder.restore("x", space, List.of(space.at(4000)), false, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
