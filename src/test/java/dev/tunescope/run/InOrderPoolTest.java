package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Reads on several threads, taken in the order they were started, and nothing left running once closed. */
class InOrderPoolTest {

    /** Later items are read faster than earlier ones, so they finish first; they are still taken in order. */
    @Test
    void resultsAreTakenInTheOrderTheReadsWereStarted() {
        Function<Integer, Integer> slowFirst = item -> {
            sleep(5 * (8 - item));
            return item * 10;
        };
        List<Integer> taken = new ArrayList<>();
        try (InOrderPool<Integer, Integer> ahead = new InOrderPool<>(slowFirst, 3)) {
            for (int item = 0; item < 8; item++) {
                ahead.start(item);
            }
            while (ahead.underWay() > 0) {
                taken.add(ahead.take());
            }
        }
        assertThat(taken).containsExactly(0, 10, 20, 30, 40, 50, 60, 70);
    }

    @Test
    void aFailedReadIsThrownInItsTurnAfterTheReadsBeforeIt() {
        try (InOrderPool<Integer, Integer> ahead = new InOrderPool<>(item -> {
            if (item == 2) {
                throw new IllegalStateException("item 2 is broken");
            }
            return item;
        }, 2)) {
            for (int item = 0; item < 4; item++) {
                ahead.start(item);
            }
            assertThat(ahead.take()).isEqualTo(0);
            assertThat(ahead.take()).isEqualTo(1);
            assertThatThrownBy(ahead::take).isInstanceOf(IllegalStateException.class).hasMessage("item 2 is broken");
            assertThat(ahead.take()).isEqualTo(3);
        }
    }

    /** Reads not taken are cancelled or waited for: none is still running, or starts, after close returns. */
    @Test
    void closingWaitsForTheReadsUnderWayAndCancelsTheRest() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger begun = new AtomicInteger();
        InOrderPool<Integer, Integer> ahead = new InOrderPool<>(item -> {
            begun.incrementAndGet();
            running.incrementAndGet();
            sleep(50);
            running.decrementAndGet();
            return item;
        }, 2);
        for (int item = 0; item < 8; item++) {
            ahead.start(item);
        }
        ahead.close();
        int begunAtClose = begun.get();
        sleep(120);

        assertThat(running.get()).isZero();
        assertThat(begun.get()).isEqualTo(begunAtClose).isLessThan(8);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("tunescope-work-")
                && t.isAlive());
    }

    @Test
    void withOneThreadEachItemIsReadOnTheCallersThreadWhenTaken() {
        List<String> readOn = new ArrayList<>();
        try (InOrderPool<Integer, Integer> ahead = new InOrderPool<>(item -> {
            readOn.add(Thread.currentThread().getName());
            return item;
        }, 1)) {
            ahead.start(7);
            assertThat(readOn).isEmpty();
            assertThat(ahead.nextIsReady()).isTrue();
            assertThat(ahead.take()).isEqualTo(7);
        }
        assertThat(readOn).containsExactly(Thread.currentThread().getName());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
