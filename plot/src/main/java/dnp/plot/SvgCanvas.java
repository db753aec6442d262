package dnp.plot;

import java.math.BigDecimal;

/** A {@link Canvas} that writes an SVG document into a string. */
final class SvgCanvas implements Canvas {
    private final StringBuilder out = new StringBuilder(16_384);
    private int clips;

    /** Opens a document of the given pixel size; {@code title} becomes its {@code <title>} element. */
    SvgCanvas(int width, int height, String title) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"").append(escape(TextMetrics.SVG_FONT_FAMILY))
                .append("\" stroke-linejoin=\"round\">\n");
        if (!title.isEmpty()) {
            out.append("<title>").append(escape(title)).append("</title>\n");
        }
    }

    /** Closes the document and returns it. */
    String finish() {
        return out.append("</svg>\n").toString();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1))
                .append("\" x2=\"").append(num(x2)).append("\" y2=\"").append(num(y2)).append('"');
        stroke(stroke);
        out.append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, Stroke stroke) {
        out.append("<path d=\"");
        path(xs, ys);
        out.append('"');
        paint(null, stroke);
        out.append("/>\n");
    }

    @Override
    public void polygon(double[] xs, double[] ys, Rgb fill, Stroke stroke) {
        out.append("<path d=\"");
        path(xs, ys);
        out.append("Z\"");
        paint(fill, stroke);
        out.append("/>\n");
    }

    @Override
    public void rect(double x, double y, double width, double height, Rgb fill, Stroke stroke) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y))
                .append("\" width=\"").append(num(width)).append("\" height=\"").append(num(height)).append('"');
        paint(fill, stroke);
        out.append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r, Rgb fill, Stroke stroke) {
        out.append("<circle cx=\"").append(num(cx)).append("\" cy=\"").append(num(cy))
                .append("\" r=\"").append(num(r)).append('"');
        paint(fill, stroke);
        out.append("/>\n");
    }

    @Override
    public void text(String text, double x, double y, TextStyle style, Align align, Baseline baseline,
                     double rotation) {
        double dy = baseline.shift * style.size();
        out.append("<text");
        if (rotation == 0) {
            out.append(" x=\"").append(num(x)).append("\" y=\"").append(num(y + dy)).append('"');
        } else {
            // Place the text in a frame turned about the anchor, as the raster canvas does.
            out.append(" transform=\"translate(").append(num(x)).append(' ').append(num(y))
                    .append(") rotate(").append(num(rotation)).append(")\" y=\"").append(num(dy)).append('"');
        }
        if (align != Align.START) {
            out.append(" text-anchor=\"").append(align == Align.MIDDLE ? "middle" : "end").append('"');
        }
        out.append(" font-size=\"").append(num(style.size())).append('"');
        if (style.bold()) {
            out.append(" font-weight=\"bold\"");
        }
        out.append(" fill=\"").append(style.color().hex()).append("\">")
                .append(escape(text)).append("</text>\n");
    }

    @Override
    public void beginGroup(String name) {
        out.append("<g class=\"").append(escape(name)).append("\">\n");
    }

    @Override
    public void endGroup() {
        out.append("</g>\n");
    }

    @Override
    public void beginTranslate(double dx, double dy) {
        out.append("<g transform=\"translate(").append(num(dx)).append(' ').append(num(dy)).append(")\">\n");
    }

    @Override
    public void endTranslate() {
        out.append("</g>\n");
    }

    @Override
    public void beginClip(double x, double y, double width, double height) {
        String id = "clip" + ++clips;
        out.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(num(x))
                .append("\" y=\"").append(num(y)).append("\" width=\"").append(num(width))
                .append("\" height=\"").append(num(height)).append("\"/></clipPath>\n")
                .append("<g clip-path=\"url(#").append(id).append(")\">\n");
    }

    @Override
    public void endClip() {
        out.append("</g>\n");
    }

    private void path(double[] xs, double[] ys) {
        for (int i = 0; i < xs.length; i++) {
            out.append(i == 0 ? 'M' : 'L').append(num(xs[i])).append(',').append(num(ys[i]));
        }
    }

    /** Fill and stroke attributes; SVG fills shapes (paths too) black unless told otherwise. */
    private void paint(Rgb fill, Stroke stroke) {
        out.append(" fill=\"").append(fill == null ? "none" : fill.hex()).append('"');
        stroke(stroke);
    }

    private void stroke(Stroke stroke) {
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke.color().hex())
                    .append("\" stroke-width=\"").append(num(stroke.width())).append('"');
            if (stroke.dash() != null) {
                out.append(" stroke-dasharray=\"");
                for (int i = 0; i < stroke.dash().length; i++) {
                    out.append(i == 0 ? "" : ",").append(num(stroke.dash()[i]));
                }
                out.append('"');
            }
        }
    }

    /** A coordinate rounded to 1/100 pixel, without exponent or trailing zeros. */
    static String num(double v) {
        return BigDecimal.valueOf(Math.round(v * 100) / 100.0).stripTrailingZeros().toPlainString();
    }

    /** Text as XML character data or attribute value; characters XML cannot hold are dropped. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> {
                    if (allowedInXml(c)) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    /** XML 1.0's Char production; it excludes most control characters and lone surrogates. */
    private static boolean allowedInXml(int c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    }
}
