package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HyperparameterValueTest {

    @Test
    void textIsReadAsNumberOrBooleanWhereItIsOne() {
        assertThat(HyperparameterValue.parse("3e-4")).isEqualTo(new HyperparameterValue.Number(3e-4));
        assertThat(HyperparameterValue.parse(" 64 ")).isEqualTo(new HyperparameterValue.Number(64));
        assertThat(HyperparameterValue.parse("True")).isEqualTo(new HyperparameterValue.Flag(true));
        assertThat(HyperparameterValue.parse("adamw")).isEqualTo(new HyperparameterValue.Text("adamw"));
    }

    @Test
    void displaysWholeNumbersWithoutADecimalPoint() {
        assertThat(new HyperparameterValue.Number(64.0).display()).isEqualTo("64");
        assertThat(new HyperparameterValue.Number(0.316).display()).isEqualTo("0.316");
    }
}
