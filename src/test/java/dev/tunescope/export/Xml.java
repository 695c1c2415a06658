package dev.tunescope.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Parses test output as XML with external entities and DTDs off; small queries over the result. */
final class Xml {
    private Xml() {
    }

    static Document parse(String markup) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(markup.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    static List<Element> elements(Document document, String localName) {
        NodeList nodes = document.getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static List<String> texts(Document document, String localName) {
        return elements(document, localName).stream().map(Element::getTextContent).toList();
    }

    /** The numbers of an SVG path's data, as (x, y) pairs in order. */
    static List<double[]> pathPoints(String d) {
        List<double[]> points = new ArrayList<>();
        String[] numbers = d.replaceAll("[MLZ]", " ").replace("h0", " ").trim().split("\\s+");
        for (int i = 0; i + 1 < numbers.length; i += 2) {
            points.add(new double[] {Double.parseDouble(numbers[i]), Double.parseDouble(numbers[i + 1])});
        }
        return points;
    }
}
