package dev.tunescope.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** However a number is written in the filter, it finds the run that records it, and only that value. */
class RunFilterPropertyTest {

    @Property
    void anyWritingOfTheRunsValueMatches(@ForAll("rates") double lr, @ForAll("writings") String format) {
        Run run = new Run("r", "r", RunFormat.TENSORBOARD, RunStatus.FINISHED,
                new Hyperparameters(Map.of("learning_rate", new HyperparameterValue.Number(lr)), "test"), Map.of(),
                Map.of(), List.of());
        String written = format.equals("plain") ? new BigDecimal(lr).toPlainString()
                : String.format(Locale.ROOT, format, lr);
        FilterSubject subject = FilterSubject.of("s", run);
        assertThat(RunFilter.parse("lr=" + written).matches(subject)).as(written).isTrue();
        assertThat(RunFilter.parse("lr " + written).matches(subject)).as(written).isTrue();
        assertThat(RunFilter.parse("lr>=" + written + " lr<=" + written).matches(subject)).as(written).isTrue();
        assertThat(RunFilter.parse("lr!=" + written).matches(subject)).as(written).isFalse();
        assertThat(RunFilter.parse("lr=" + (lr * 1.001)).matches(subject)).isFalse();
    }

    @Provide
    Arbitrary<Double> rates() {
        return Arbitraries.doubles().between(-12, 6).map(exponent -> Math.pow(10, exponent));
    }

    /** Ways people and loggers write numbers; %.15e and %.17g keep enough digits to mean the same double. */
    @Provide
    Arbitrary<String> writings() {
        return Arbitraries.of("%.15e", "%.15E", "%.17g", "%s", "plain");
    }
}
