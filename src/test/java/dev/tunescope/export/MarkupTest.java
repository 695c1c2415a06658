package dev.tunescope.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupTest {

    @Test
    void escapesMarkupAndReplacesWhatXmlCannotHold() {
        assertThat(Markup.escape("a<b & \"c\" 'd' >")).isEqualTo("a&lt;b &amp; &quot;c&quot; &#39;d&#39; &gt;");
        assertThat(Markup.escape("bell\u0007 nul\u0000 tab\t")).isEqualTo("bell\uFFFD nul\uFFFD tab\t");
        assertThat(Markup.escape("lone \uD800 surrogate, pair \uD83D\uDE00")).isEqualTo(
                "lone \uFFFD surrogate, pair \uD83D\uDE00");
        assertThat(Markup.escape("µ=1e-3 λ")).isEqualTo("µ=1e-3 λ");
    }

    @Test
    void coordinatesHaveAtMostTwoDecimalsAndNoExponent() {
        assertThat(Markup.coord(12)).isEqualTo("12");
        assertThat(Markup.coord(12.5)).isEqualTo("12.5");
        assertThat(Markup.coord(12.345)).isEqualTo("12.35");
        assertThat(Markup.coord(-0.004)).isEqualTo("0");
        assertThat(Markup.coord(-3.07)).isEqualTo("-3.07");
        assertThat(Markup.coord(1e-12)).isEqualTo("0");
        assertThat(Markup.coord(3e300)).isEqualTo("1000000");
        assertThat(Markup.coord(Double.NEGATIVE_INFINITY)).isEqualTo("-1000000");
        assertThat(Markup.coord(Double.NaN)).isEqualTo("0");
    }

    @Test
    void numbersInTheirShortestForm() {
        assertThat(Markup.number(1.0)).isEqualTo("1");
        assertThat(Markup.number(0.001)).isEqualTo("0.001");
        assertThat(Markup.number(1e-4)).isEqualTo("1e-4");
        assertThat(Markup.number(2.5e7)).isEqualTo("2.5e7");
        assertThat(Markup.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Markup.number(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }
}
