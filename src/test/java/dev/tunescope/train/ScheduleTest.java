package dev.tunescope.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void linearWarmupRampsToTheBaseRateThenHolds() {
        Schedule s = Schedule.warmupThenConstant(0.3, 100);
        assertThat(s.at(1)).isCloseTo(0.003, within(1e-12));
        assertThat(s.at(50)).isCloseTo(0.15, within(1e-12));
        assertThat(s.at(100)).isEqualTo(0.3);
        assertThat(s.at(101)).isEqualTo(0.3);
        assertThat(s.at(10_000)).isEqualTo(0.3);
    }

    @Test
    void decaysCountTheWarmupInTheirTotal() {
        Schedule linear = new Schedule(1.0, 1000, Schedule.Decay.LINEAR, 11_000);
        assertThat(linear.at(1000)).isEqualTo(1.0);
        assertThat(linear.at(6000)).isCloseTo(0.5, within(1e-12));
        assertThat(linear.at(11_000)).isEqualTo(0.0);
        Schedule cosine = new Schedule(1.0, 0, Schedule.Decay.COSINE, 100);
        assertThat(cosine.at(50)).isCloseTo(0.5, within(1e-12));
        assertThat(cosine.at(100)).isCloseTo(0.0, within(1e-12));
        assertThat(cosine.at(200)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void aConstantScheduleIsConstant() {
        assertThat(Schedule.constant(0.01).at(1)).isEqualTo(0.01);
        assertThat(Schedule.constant(0.01).at(1_000_000)).isEqualTo(0.01);
    }

    @Test
    void nonsenseIsRejected() {
        assertThatThrownBy(() -> Schedule.constant(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Schedule(0.1, 100, Schedule.Decay.LINEAR, 50)).hasMessageContaining("more total");
    }
}
