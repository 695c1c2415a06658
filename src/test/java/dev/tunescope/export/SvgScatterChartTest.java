package dev.tunescope.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgScatterChartTest {

    @Test
    void pointsInTheirStylesOnALogXAxisWithNote() {
        Svg svg = new SvgScatterChart().title("Best eval loss by learning rate").xLabel("learning rate")
                .yLabel("best eval loss").connect(true)
                .point(1e-3, 0.37, MarkerStyle.NORMAL).point(1e-2, 0.21, MarkerStyle.NORMAL)
                .point(1e-1, 0.12, MarkerStyle.HIGHLIGHTED, "lr*")
                .point(0.316, 0.53, MarkerStyle.DISTINCT).point(1.0, Double.NaN, MarkerStyle.DISTINCT)
                .legend(MarkerStyle.HIGHLIGHTED, "lr*").legend(MarkerStyle.DISTINCT, "unstable")
                .note("lr* is at the edge of the searched range").toSvg();
        Document doc = Xml.parse(svg.markup());
        List<String> texts = Xml.texts(doc, "text");
        assertThat(texts).contains("Best eval loss by learning rate", "learning rate", "lr*", "unstable",
                "lr* is at the edge of the searched range", "1e-3", "0.01", "0.1", "1", "NaN");
        List<Element> circles = Xml.elements(doc, "circle");
        assertThat(circles).hasSize(3 + 1); // three trials and the legend's lr*
        assertThat(circles.stream().filter(c -> c.getAttribute("r").equals("6.5"))).hasSize(2);
        List<Element> triangles = Xml.elements(doc, "path").stream().filter(p -> p.getAttribute("d").endsWith("Z"))
                .toList();
        assertThat(triangles).hasSize(2 + 1);
        assertThat(Xml.texts(doc, "title")).contains("x = 1, y = NaN", "x = 0.1, y = 0.12 (lr*)");
        String line = Xml.elements(doc, "path").get(0).getAttribute("d");
        assertThat(Xml.pathPoints(line)).hasSize(4); // the NaN trial is not joined
    }

    @Test
    void pointsTheLogAxisCannotShowAreLeftOut() {
        Document doc = Xml.parse(new SvgScatterChart().point(0, 1, MarkerStyle.NORMAL)
                .point(0.01, 1, MarkerStyle.NORMAL).point(0.1, 2, MarkerStyle.NORMAL).toSvg().markup());
        assertThat(Xml.elements(doc, "circle")).hasSize(2);
    }

    @Test
    void noPointsStillMakeAChart() {
        Document doc = Xml.parse(new SvgScatterChart().connect(true).toSvg().markup());
        assertThat(Xml.elements(doc, "circle")).isEmpty();
    }
}
