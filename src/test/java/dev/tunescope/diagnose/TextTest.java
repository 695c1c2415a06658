package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void numbersHaveFourSignificantDigitsAndNoTrailingZeros() {
        assertThat(Text.number(1.213999915122986)).isEqualTo("1.214");
        assertThat(Text.number(400)).isEqualTo("400");
        assertThat(Text.number(1000)).isEqualTo("1000");
        assertThat(Text.number(0.1)).isEqualTo("0.1");
        assertThat(Text.number(0.00031623)).isEqualTo("0.0003162");
        assertThat(Text.number(1.5e6)).isEqualTo("1500000"); // whole numbers (steps) stay whole below 10^7
        assertThat(Text.number(1.5e7)).isEqualTo("1.5e+07");
        assertThat(Text.number(1234.5)).isEqualTo("1235");
        assertThat(Text.number(1e-7)).isEqualTo("1e-07");
        assertThat(Text.number(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void percentsHaveAtMostOneDecimal() {
        assertThat(Text.percent(0.1)).isEqualTo("10%");
        assertThat(Text.percent(0.5625)).isEqualTo("56.3%");
        assertThat(Text.percent(1)).isEqualTo("100%");
    }

    @Test
    void longListsAreCut() {
        assertThat(Text.names(List.of("a", "b", "c"), 3)).isEqualTo("a, b, c");
        assertThat(Text.names(List.of("a", "b", "c", "d"), 2)).isEqualTo("a, b and 2 more");
    }

    @Test
    void ordinals() {
        assertThat(List.of(1.0, 2.0, 3.0, 11.0, 12.0, 13.0, 21.0, 90.0, 99.5).stream()
                .map(Text::ordinal)).containsExactly("1st", "2nd", "3rd", "11th", "12th", "13th", "21st",
                "90th", "99.5th");
    }
}
