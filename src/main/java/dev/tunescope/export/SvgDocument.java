package dev.tunescope.export;

/** Writes SVG elements into one buffer; every text and attribute value passes through {@link Markup#escape}. */
final class SvgDocument {
    static final String TEXT = "#222222";
    static final String MUTED = "#666666";
    static final String GRID = "#e6e6e6";
    static final String AXIS = "#444444";

    private final StringBuilder out = new StringBuilder(16_384);
    private final int width;
    private final int height;

    SvgDocument(int width, int height, String description) {
        this.width = width;
        this.height = height;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n");
        out.append("<title>");
        Markup.escapeTo(out, description);
        out.append("</title>\n");
        out.append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>\n");
    }

    SvgDocument line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        out.append("<line x1=\"");
        Markup.coord(out, x1);
        out.append("\" y1=\"");
        Markup.coord(out, y1);
        out.append("\" x2=\"");
        Markup.coord(out, x2);
        out.append("\" y2=\"");
        Markup.coord(out, y2);
        out.append("\" stroke=\"").append(stroke).append("\" stroke-width=\"");
        Markup.coord(out, strokeWidth);
        out.append('"');
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append("/>\n");
        return this;
    }

    SvgDocument rect(double x, double y, double w, double h, String fill, String stroke) {
        out.append("<rect x=\"");
        Markup.coord(out, x);
        out.append("\" y=\"");
        Markup.coord(out, y);
        out.append("\" width=\"");
        Markup.coord(out, w);
        out.append("\" height=\"");
        Markup.coord(out, h);
        out.append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke).append('"');
        }
        out.append("/>\n");
        return this;
    }

    /** Text at a point; {@code anchor} is start, middle or end; {@code rotate} in degrees (0 for none). */
    SvgDocument text(double x, double y, String anchor, double size, String fill, double rotate, String text) {
        out.append("<text x=\"");
        Markup.coord(out, x);
        out.append("\" y=\"");
        Markup.coord(out, y);
        out.append("\" text-anchor=\"").append(anchor).append("\" font-size=\"");
        Markup.coord(out, size);
        out.append("\" fill=\"").append(fill).append('"');
        if (rotate != 0) {
            out.append(" transform=\"rotate(");
            Markup.coord(out, rotate);
            out.append(' ');
            Markup.coord(out, x);
            out.append(' ');
            Markup.coord(out, y);
            out.append(")\"");
        }
        out.append('>');
        Markup.escapeTo(out, text);
        out.append("</text>\n");
        return this;
    }

    /** A path; {@code d} must already be path data written with {@link Markup#coord}. */
    SvgDocument path(CharSequence d, String stroke, double strokeWidth, String fill) {
        out.append("<path d=\"").append(d).append("\" fill=\"").append(fill == null ? "none" : fill)
                .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"");
        Markup.coord(out, strokeWidth);
        out.append("\" stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n");
        return this;
    }

    SvgDocument circle(double cx, double cy, double r, String fill, String stroke, double strokeWidth) {
        out.append("<circle cx=\"");
        Markup.coord(out, cx);
        out.append("\" cy=\"");
        Markup.coord(out, cy);
        out.append("\" r=\"");
        Markup.coord(out, r);
        out.append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"");
        Markup.coord(out, strokeWidth);
        out.append("\"/>\n");
        return this;
    }

    /** Opens a group with a tooltip (the SVG {@code <title>} child). */
    SvgDocument beginGroup(String tooltip) {
        out.append("<g><title>");
        Markup.escapeTo(out, tooltip);
        out.append("</title>\n");
        return this;
    }

    SvgDocument beginGroup() {
        out.append("<g>\n");
        return this;
    }

    SvgDocument endGroup() {
        out.append("</g>\n");
        return this;
    }

    /**
     * Opens a viewport that clips its content to a rectangle (a nested {@code <svg>}: clips in every renderer and
     * needs no id, so several charts can share one HTML page). Inner coordinates are the outer ones.
     */
    SvgDocument beginClip(double x, double y, double w, double h) {
        String box = Markup.coord(x) + " " + Markup.coord(y) + " " + Markup.coord(w) + " " + Markup.coord(h);
        out.append("<svg x=\"").append(Markup.coord(x)).append("\" y=\"").append(Markup.coord(y))
                .append("\" width=\"").append(Markup.coord(w)).append("\" height=\"").append(Markup.coord(h))
                .append("\" viewBox=\"").append(box).append("\" overflow=\"hidden\">\n");
        return this;
    }

    SvgDocument endClip() {
        out.append("</svg>\n");
        return this;
    }

    Svg finish() {
        out.append("</svg>\n");
        return new Svg(out.toString(), width, height);
    }
}
