package dev.tunescope.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class VerificationVerdictTest {
    @Test
    void aDifferenceBeyondTheSpreadBetweenSeedsIsBetter() {
        VerificationVerdict v = VerificationVerdict.judge(List.of(2.10, 2.11, 2.12, 2.11, 2.10),
                List.of(2.13, 2.14, 2.15, 2.14, 2.13), OptionalDouble.of(0.03));
        assertThat(v.outcome()).isEqualTo(VerificationVerdict.Outcome.BETTER);
        assertThat(v.difference()).isCloseTo(0.03, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(v.sentence()).startsWith("recommended config 2.108 ± 0.008367 vs best constant LR 2.138 ± 0.008367"
                + " (5 seeds): better by 0.03")
                .endsWith("at the best constant LR one eval to the next swings by 0.03 (the noise of a single run)");
    }

    @Test
    void theSameDifferenceOnThreeSeedsIsWithinWhatTheirSpreadAllows() {
        // t at 95% with 2 degrees of freedom is 4.3: three seeds measure their spread too loosely to claim 0.03
        VerificationVerdict v = VerificationVerdict.judge(List.of(2.10, 2.11, 2.12), List.of(2.13, 2.14, 2.15),
                OptionalDouble.empty());
        assertThat(v.outcome()).isEqualTo(VerificationVerdict.Outcome.NO_DIFFERENCE);
    }

    @Test
    void aDifferenceWithinTheSpreadIsNoDifference() {
        VerificationVerdict v = VerificationVerdict.judge(List.of(2.10, 2.15, 2.12), List.of(2.13, 2.11, 2.16),
                OptionalDouble.empty());
        assertThat(v.outcome()).isEqualTo(VerificationVerdict.Outcome.NO_DIFFERENCE);
        assertThat(v.sentence()).contains("no better");
    }

    @Test
    void oneSeedMakesNoClaim() {
        VerificationVerdict v = VerificationVerdict.judge(List.of(2.10), List.of(2.13), OptionalDouble.empty());
        assertThat(v.outcome()).isEqualTo(VerificationVerdict.Outcome.UNKNOWN);
        assertThat(v.sentence()).contains("--seeds 3");
    }

    @Test
    void aWorseConfigIsSaidToBeWorse() {
        VerificationVerdict v = VerificationVerdict.judge(List.of(2.30, 2.31, 2.29), List.of(2.13, 2.14, 2.12),
                OptionalDouble.empty());
        assertThat(v.outcome()).isEqualTo(VerificationVerdict.Outcome.WORSE);
    }
}
