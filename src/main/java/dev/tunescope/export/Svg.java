package dev.tunescope.export;

/**
 * A finished SVG image: a standalone {@code <svg>} element (no XML declaration, so it can also be placed inline in
 * an HTML page). Only the chart writers of this package make them; {@link HtmlReport} embeds them unescaped.
 */
public record Svg(String markup, int width, int height) {

    @Override
    public String toString() {
        return markup;
    }
}
