package dev.tunescope.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvNumbersTest {

    @Test
    void readsDecimalsAsWritten() {
        assertThat(CsvNumbers.parseValue("0.1348257064819336")).hasValue(0.1348257064819336);
        assertThat(CsvNumbers.parseValue(" 64 ")).hasValue(64.0);
        assertThat(CsvNumbers.parseValue("2.8824562857701225e+20")).hasValue(2.8824562857701225e+20);
        assertThat(CsvNumbers.parseValue("-.5")).hasValue(-0.5);
        assertThat(CsvNumbers.parseValue("3.")).hasValue(3.0);
    }

    @Test
    void keepsNonFiniteValuesInEverySpelling() {
        for (String nan : new String[] {"nan", "NaN", "NAN", "-nan", "+nan"}) {
            assertThat(CsvNumbers.parseValue(nan).getAsDouble()).as(nan).isNaN();
        }
        for (String inf : new String[] {"inf", "Infinity", "+inf", "INF", "1e999"}) {
            assertThat(CsvNumbers.parseValue(inf)).as(inf).hasValue(Double.POSITIVE_INFINITY);
        }
        for (String inf : new String[] {"-inf", "-Infinity", "-1e999"}) {
            assertThat(CsvNumbers.parseValue(inf)).as(inf).hasValue(Double.NEGATIVE_INFINITY);
        }
        assertThat(CsvNumbers.parseValue("1e-999")).hasValue(0.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "null", "None", "abc", "1.5f", "1d", "0x1p3", "1,5", "--1", "1e", "infinite",
        "nanx", "\uFFFD0.5"})
    void rejectsWhatIsNotADecimalNumber(String cell) {
        assertThat(CsvNumbers.parseValue(cell)).isEqualTo(OptionalDouble.empty());
    }

    @Test
    void readsWholeStepsOnly() {
        assertThat(CsvNumbers.parseStep("399")).hasValue(399);
        assertThat(CsvNumbers.parseStep(" 19.0 ")).hasValue(19);
        assertThat(CsvNumbers.parseStep("-1")).hasValue(-1);
        assertThat(CsvNumbers.parseStep("1e3")).hasValue(1000);
        for (String bad : new String[] {"", "19.5", "nan", "inf", "abc", "99999999999999999999", "1e30"}) {
            assertThat(CsvNumbers.parseStep(bad)).as(bad).isEqualTo(OptionalLong.empty());
        }
    }

    @Property
    void readsBackEveryFiniteDoubleAsJavaAndPythonWriteIt(@ForAll double value) {
        assertThat(CsvNumbers.parseValue(Double.toString(value))).hasValue(value);
        String python = Double.toString(value).replace("E", "e"); // Python's repr: 1e-05, 2.88e+20
        assertThat(CsvNumbers.parseValue(python)).hasValue(value);
    }

    @Property
    void readsBackEveryLong(@ForAll long step) {
        if (Math.abs((double) step) < 1e18) {
            assertThat(CsvNumbers.parseStep(Long.toString(step))).hasValue(step);
        }
    }
}
