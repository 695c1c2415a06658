package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TickLabelsTest {

    @Test
    void shortLabels() {
        assertThat(TickLabels.format(0)).isEqualTo("0");
        assertThat(TickLabels.format(-0.0)).isEqualTo("0");
        assertThat(TickLabels.format(0.001)).isEqualTo("1e-3");
        assertThat(TickLabels.format(2e-4)).isEqualTo("2e-4");
        assertThat(TickLabels.format(3.16e-5)).isEqualTo("3.16e-5");
        assertThat(TickLabels.format(0.01)).isEqualTo("0.01");
        assertThat(TickLabels.format(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(TickLabels.format(-0.5)).isEqualTo("-0.5");
        assertThat(TickLabels.format(1.214)).isEqualTo("1.214");
        assertThat(TickLabels.format(100)).isEqualTo("100");
        assertThat(TickLabels.format(999)).isEqualTo("999");
        assertThat(TickLabels.format(1000)).isEqualTo("1k");
        assertThat(TickLabels.format(2500)).isEqualTo("2.5k");
        assertThat(TickLabels.format(-20_000)).isEqualTo("-20k");
        assertThat(TickLabels.format(1e6)).isEqualTo("1M");
        assertThat(TickLabels.format(5e9)).isEqualTo("5e9");
        assertThat(TickLabels.format(2.5e6)).isEqualTo("2.5M");
        assertThat(TickLabels.format(1e9)).isEqualTo("1e9");
        assertThat(TickLabels.format(Double.NaN)).isEqualTo("NaN");
        assertThat(TickLabels.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }
}
