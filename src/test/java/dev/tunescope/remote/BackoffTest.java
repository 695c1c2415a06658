package dev.tunescope.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void theFirstAttemptIsAtOnceThenTheWaitDoublesUpToTheCap() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(Backoff.DEFAULT::delayBefore).map(Duration::toMillis))
                .containsExactly(0L, 500L, 1000L, 2000L, 4000L, 8000L, 8000L, 8000L);
        assertThat(Backoff.DEFAULT.delayBefore(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(8));
        assertThat(Backoff.DEFAULT.giveUpAfter()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aBackoffThatNeverWaitsOrShrinksIsRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
