package dev.tunescope.export;

import dev.tunescope.plot.Palette;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tunescope.plot.ScaleType;
import dev.tunescope.run.Histogram;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgHistogramChartTest {

    @Test
    void barsAndALabelledThreshold() {
        Svg svg = new SvgHistogramChart().title("Gradient norm").xLabel("grad norm")
                .bars(new double[] {0, 0.5, 1, 1.5, 2}, new double[] {10, 30, 0, 4})
                .threshold(1.214, "p90 = 1.214, 10.0% above").toSvg();
        Document doc = Xml.parse(svg.markup());
        assertThat(Xml.texts(doc, "text")).contains("Gradient norm", "grad norm", "count",
                "p90 = 1.214, 10.0% above");
        List<Element> bars = bars(doc);
        assertThat(bars).hasSize(3); // the empty bucket draws nothing
        double unit = Double.parseDouble(bars.get(0).getAttribute("height")) / 10;
        assertThat(Double.parseDouble(bars.get(1).getAttribute("height"))).isCloseTo(30 * unit, within(0.05));
        assertThat(Xml.texts(doc, "title")).contains("[0.5, 1]: 30");
    }

    @Test
    void fromATensorBoardHistogramWithUnboundedOuterLimits() {
        Histogram h = new Histogram(-0.5, 0.5, 10, 0, 1, new double[] {-Double.MAX_VALUE, 0, 0.25, Double.MAX_VALUE},
                new double[] {0, 4, 3, 3});
        Document doc = Xml.parse(new SvgHistogramChart().histogram(h).toSvg().markup());
        assertThat(Xml.texts(doc, "title")).contains("[-0.5, 0]: 4", "[0, 0.25]: 3", "[0.25, 0.5]: 3");
    }

    @Test
    void logAxes() {
        Document doc = Xml.parse(new SvgHistogramChart().xScale(ScaleType.LOG).yScale(ScaleType.LOG)
                .bars(new double[] {0, 0.1, 1, 10}, new double[] {5, 100, 1}).toSvg().markup());
        assertThat(bars(doc)).hasSize(2); // [0, 0.1] has no place on a log axis
    }

    @Test
    void badBucketsAreRejected() {
        assertThatThrownBy(() -> new SvgHistogramChart().bars(new double[] {0, 1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SvgHistogramChart().bars(new double[] {0, 2, 1}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Element> bars(Document doc) {
        return Xml.elements(doc, "rect").stream().filter(r -> r.getAttribute("fill").equals(Palette.color(0)))
                .toList();
    }
}
