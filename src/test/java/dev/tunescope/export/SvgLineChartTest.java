package dev.tunescope.export;

import dev.tunescope.plot.Palette;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tunescope.plot.ScaleType;
import dev.tunescope.run.ScalarSeries;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgLineChartTest {

    @Test
    void parsesAsSvgWithTitleLabelsSeriesAndLegend() {
        Svg svg = new SvgLineChart().size(800, 400).title("Training loss").xLabel("step").yLabel("loss")
                .series("lr=1e-3", ramp("a", 100, 1)).series("lr=3e-3", ramp("b", 100, 2)).toSvg();
        Document doc = Xml.parse(svg.markup());
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("width")).isEqualTo("800");
        assertThat(svg.width()).isEqualTo(800);
        List<String> texts = Xml.texts(doc, "text");
        assertThat(texts).contains("Training loss", "step", "loss", "lr=1e-3", "lr=3e-3", "0", "100");
        List<Element> paths = Xml.elements(doc, "path");
        assertThat(paths).hasSize(2);
        assertThat(paths.get(0).getAttribute("stroke")).isEqualTo(Palette.color(0));
        assertThat(paths.get(1).getAttribute("stroke")).isEqualTo(Palette.color(1));
        assertThat(Xml.texts(doc, "title")).contains("Training loss", "lr=1e-3", "lr=3e-3");
    }

    @Test
    void textIsEscaped() {
        String name = "loss <train> & \"eval\" \u0001";
        Svg svg = new SvgLineChart().title(name).series(name, ramp(name, 10, 1)).threshold(5, "a<b").toSvg();
        Document doc = Xml.parse(svg.markup());
        assertThat(Xml.texts(doc, "text")).contains("loss <train> & \"eval\" \uFFFD", "a<b");
        assertThat(svg.markup()).doesNotContain("<train>");
    }

    @Test
    void markersThresholdsAndLogAxes() {
        Svg svg = new SvgLineChart().size(700, 400).xScale(ScaleType.LOG).yScale(ScaleType.LOG)
                .series("loss", decay(1000)).verticalMarker(300, "first unstable step")
                .threshold(0.5, "clip = 0.5").toSvg();
        Document doc = Xml.parse(svg.markup());
        List<String> texts = Xml.texts(doc, "text");
        assertThat(texts).contains("first unstable step", "clip = 0.5", "1", "10", "100", "1k");
        List<Element> dashed = Xml.elements(doc, "line").stream().filter(l -> l.hasAttribute("stroke-dasharray"))
                .toList();
        assertThat(dashed).hasSize(2);
    }

    @Test
    void divergenceIsMarkedAndNamedInTheLegend() {
        long[] steps = new long[200];
        double[] values = new double[200];
        for (int i = 0; i < 200; i++) {
            steps[i] = i + 1;
            values[i] = i < 120 ? 2.0 - i * 0.01 : i == 120 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        Svg svg = new SvgLineChart().series("lr=0.316", ScalarSeries.of("loss", steps, values)).toSvg();
        Document doc = Xml.parse(svg.markup());
        assertThat(Xml.texts(doc, "text")).contains("+Inf from step 121");
        List<String> titles = Xml.texts(doc, "title");
        assertThat(titles).contains("lr=0.316: +Inf at step 121");
        assertThat(titles.stream().filter(t -> t.startsWith("lr=0.316: NaN at step"))).isNotEmpty();
        String d = Xml.elements(doc, "path").get(0).getAttribute("d");
        assertThat(d.chars().filter(c -> c == 'M')).hasSize(1); // one unbroken piece before the divergence
    }

    @Test
    void aMillionPointsKeepTheirSpikeAndStaySmall() {
        int n = 1_000_000;
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i;
            values[i] = 1 + 0.01 * Math.sin(i * 0.001);
        }
        values[777_777] = 3;
        Svg svg = new SvgLineChart().size(800, 400).series("loss", ScalarSeries.of("loss", steps, values)).toSvg();
        Document doc = Xml.parse(svg.markup());
        List<double[]> points = Xml.pathPoints(Xml.elements(doc, "path").get(0).getAttribute("d"));
        assertThat(points.size()).isLessThanOrEqualTo(4 * 800);
        double highest = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        assertThat(highest).isLessThan(60); // the spike reaches the top of the plot
        assertThat(svg.markup().length()).isLessThan(120_000);
    }

    @Test
    void emptyAndAllNaNSeriesStillMakeAChart() {
        ScalarSeries nan = ScalarSeries.of("x", new long[] {1, 2}, new double[] {Double.NaN, Double.NaN});
        Document doc = Xml.parse(new SvgLineChart().series("nan", nan)
                .series("empty", ScalarSeries.of("e", new long[0], new double[0])).toSvg().markup());
        assertThat(Xml.texts(doc, "text")).contains("nan", "empty", "NaN from step 1");
        assertThat(Xml.elements(doc, "path")).isEmpty();
    }

    @Test
    void explicitRangesAndSizeLimits() {
        Svg svg = new SvgLineChart().xRange(10, 20).yRange(0, 1).series("s", ramp("s", 100, 0.01)).toSvg();
        assertThat(Xml.texts(Xml.parse(svg.markup()), "text")).contains("10", "20", "0", "1");
        assertThatThrownBy(() -> new SvgLineChart().size(10, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ScalarSeries ramp(String tag, int n, double slope) {
        long[] steps = new long[n + 1];
        double[] values = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            steps[i] = i;
            values[i] = slope * i;
        }
        return ScalarSeries.of(tag, steps, values);
    }

    private static ScalarSeries decay(int n) {
        long[] steps = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = i + 1;
            values[i] = 3.0 / Math.sqrt(i + 1);
        }
        return ScalarSeries.of("loss", steps, values);
    }
}
