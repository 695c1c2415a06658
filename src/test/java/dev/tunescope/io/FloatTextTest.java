package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FloatTextTest {

    @Property
    void everyDoubleReadsBackFromJavasSpelling(@ForAll double value) {
        assertThat(FloatText.parse(Double.toString(value))).isEqualTo(OptionalDouble.of(value));
    }

    @Test
    void pythonSpellingsOfNonFiniteValues() {
        assertThat(FloatText.parse("nan").orElseThrow()).isNaN();
        assertThat(FloatText.parse(" -inf ").orElseThrow()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FloatText.parse("+Infinity").orElseThrow()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FloatText.parse("1e999").orElseThrow()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FloatText.parse("-1e999").orElseThrow()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FloatText.parse("1e-999").orElseThrow()).isZero();
        assertThat(FloatText.parse(".5").orElseThrow()).isEqualTo(0.5);
        assertThat(FloatText.parse("3.").orElseThrow()).isEqualTo(3.0);
    }

    @Test
    void javaOnlyAndGarbledSpellingsAreRefused() {
        for (String text : new String[] {"", "1d", "2f", "0x1p3", "1e", "nanx", "in", "--1", "1,5", "1 2", "."}) {
            assertThat(FloatText.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void nonFiniteOnlyKnowsTheThreeValues() {
        assertThat(FloatText.nonFinite("1.5")).isEmpty();
        assertThat(FloatText.nonFinite("-NaN").orElseThrow()).isNaN();
        assertThat(FloatText.nonFinite("-Infinity").orElseThrow()).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
