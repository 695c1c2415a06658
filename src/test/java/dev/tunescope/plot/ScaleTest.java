package dev.tunescope.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ScaleTest {

    @Property
    void linearRoundTrips(@ForAll @DoubleRange(min = -1e6, max = 1e6) double min,
                          @ForAll @DoubleRange(min = -3, max = 6) double logSpan,
                          @ForAll @DoubleRange(min = 0, max = 1) double at,
                          @ForAll boolean inverted) {
        double span = Math.pow(10, logSpan);
        Scale scale = inverted ? new LinearScale(min, min + span, 400, 0) : new LinearScale(min, min + span, 0, 400);
        double value = min + at * span;
        double pixel = scale.toPixel(value);
        assertThat(pixel).isBetween(-1e-6, 400 + 1e-6);
        assertThat(scale.toValue(pixel)).isCloseTo(value, within(1e-9 * Math.max(Math.abs(value), span)));
    }

    @Property
    void logRoundTrips(@ForAll @DoubleRange(min = -12, max = 6) double logMin,
                       @ForAll @DoubleRange(min = 0.01, max = 12) double decades,
                       @ForAll @DoubleRange(min = 0, max = 1) double at) {
        LogScale scale = new LogScale(Math.pow(10, logMin), Math.pow(10, logMin + decades), 300, 20);
        double value = Math.pow(10, logMin + at * decades);
        assertThat(scale.toValue(scale.toPixel(value))).isCloseTo(value, within(1e-9 * value));
    }

    @Test
    void pixelsOfTheDomainEnds() {
        assertThat(new LinearScale(0, 400, 50, 450).toPixel(100)).isEqualTo(150);
        LogScale log = new LogScale(1e-4, 1, 0, 400);
        assertThat(log.toPixel(1e-4)).isEqualTo(0);
        assertThat(log.toPixel(1e-2)).isCloseTo(200, within(1e-9));
        assertThat(log.toPixel(1)).isEqualTo(400);
    }

    @Test
    void logRejectsANonPositiveDomainAndMapsNonPositiveValuesToNaN() {
        assertThatThrownBy(() -> new LogScale(0, 1, 0, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> new LogScale(-1, 1, 0, 100)).hasMessageContaining("positive");
        LogScale log = new LogScale(0.1, 10, 0, 100);
        assertThat(log.toPixel(0)).isNaN();
        assertThat(log.toPixel(-3)).isNaN();
        assertThat(log.toPixel(Double.NaN)).isNaN();
        assertThat(log.canShow(0)).isFalse();
        assertThat(log.canShow(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(log.canShow(5)).isTrue();
    }

    @Test
    void emptyOrUpsideDownDomainsAreRejected() {
        assertThatThrownBy(() -> new LinearScale(1, 1, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinearScale(2, 1, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinearScale(0, Double.NaN, 0, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinearScale(0, 1, 5, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logTicksOverFourDecades() {
        List<Tick> ticks = new LogScale(1e-4, 1, 0, 400).ticks(5);
        assertThat(majorLabels(ticks)).containsExactly("1e-4", "1e-3", "0.01", "0.1", "1");
        assertThat(ticks.stream().filter(t -> !t.major()).map(Tick::label))
                .containsExactly("2e-4", "5e-4", "2e-3", "5e-3", "0.02", "0.05", "0.2", "0.5");
    }

    @Test
    void logTicksWithinHalfADecadeLabelEveryMultiple() {
        List<Tick> ticks = new LogScale(0.0316, 0.1, 0, 400).ticks(5);
        assertThat(majorLabels(ticks)).containsExactly("0.04", "0.05", "0.06", "0.07", "0.08", "0.09", "0.1");
    }

    @Test
    void logTicksOfOneDecadeLabelTwoAndFive() {
        assertThat(majorLabels(new LogScale(1, 10, 0, 400).ticks(5))).containsExactly("1", "2", "5", "10");
    }

    @Test
    void logTicksOverManyDecadesSkipSome() {
        List<Tick> ticks = new LogScale(1e-12, 1e12, 0, 400).ticks(5);
        assertThat(majorLabels(ticks)).containsExactly("1e-10", "1e-5", "1", "100k", "1e10");
        assertThat(ticks).hasSize(25);
    }

    @Test
    void logTicksOfANarrowDomainFallBackToLinearOnes() {
        assertThat(majorLabels(new LogScale(1.01, 1.5, 0, 400).ticks(5)))
                .containsExactly("1.1", "1.2", "1.3", "1.4", "1.5");
    }

    @Test
    void linearTicksOfTypicalRanges() {
        assertThat(majorLabels(new LinearScale(0, 400, 0, 400).ticks(5)))
                .containsExactly("0", "100", "200", "300", "400");
        assertThat(majorLabels(new LinearScale(-1, 1, 0, 400).ticks(5)))
                .containsExactly("-1", "-0.5", "0", "0.5", "1");
        assertThat(majorLabels(new LinearScale(0, 1, 0, 400).ticks(10)))
                .containsExactly("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1");
        assertThat(majorLabels(new LinearScale(0, 25_000, 0, 400).ticks(5)))
                .containsExactly("0", "5k", "10k", "15k", "20k", "25k");
        assertThat(majorLabels(new LinearScale(0.0002, 0.0011, 0, 400).ticks(4)))
                .containsExactly("2e-4", "4e-4", "6e-4", "8e-4", "1e-3");
    }

    @Test
    void defaultTickCountFollowsThePixelLength() {
        assertThat(new LinearScale(0, 1000, 0, 800).ticks()).hasSizeBetween(6, 12);
        assertThat(new LinearScale(0, 1000, 0, 100).ticks()).hasSizeBetween(2, 4);
    }

    @Property
    void linearTicksAreInsideIncreasingAndDistinct(@ForAll @DoubleRange(min = -1e6, max = 1e6) double min,
                                                   @ForAll @DoubleRange(min = -3, max = 6) double logSpan,
                                                   @ForAll @IntRange(min = 2, max = 12) int target) {
        double span = Math.pow(10, logSpan);
        checkTicks(new LinearScale(min, min + span, 0, 500).ticks(target), min, min + span, target);
    }

    @Property
    void logTicksAreInsideIncreasingAndDistinct(@ForAll @DoubleRange(min = -12, max = 6) double logMin,
                                                @ForAll @DoubleRange(min = 0.2, max = 14) double decades,
                                                @ForAll @IntRange(min = 2, max = 12) int target) {
        double min = Math.pow(10, logMin);
        double max = Math.pow(10, logMin + decades);
        checkTicks(new LogScale(min, max, 0, 500).ticks(target), min, max, target);
    }

    private static void checkTicks(List<Tick> ticks, double min, double max, int target) {
        List<Tick> major = ticks.stream().filter(Tick::major).toList();
        assertThat(major.size()).isBetween(2, 4 * target + 10);
        double slack = 1e-9 * Math.max(Math.abs(min), Math.abs(max));
        for (int i = 0; i < ticks.size(); i++) {
            assertThat(ticks.get(i).value()).isBetween(min - slack, max + slack);
            if (i > 0) {
                assertThat(ticks.get(i).value()).isGreaterThan(ticks.get(i - 1).value());
            }
        }
        assertThat(major.stream().map(Tick::label).distinct().count()).isEqualTo(major.size());
    }

    private static List<String> majorLabels(List<Tick> ticks) {
        return ticks.stream().filter(Tick::major).map(Tick::label).toList();
    }
}
