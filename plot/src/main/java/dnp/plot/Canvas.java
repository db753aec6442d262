package dnp.plot;

/**
 * The few drawing operations a figure needs, in pixel coordinates with y pointing down. One
 * drawing routine ({@link Renderer}) runs against this interface, so every output format shows
 * the same picture; text is measured through {@link TextMetrics} by both implementations.
 */
interface Canvas {

    /** An opaque colour, 0xRRGGBB. */
    record Rgb(int rgb) {
        static final Rgb WHITE = new Rgb(0xffffff);

        /** The colour as {@code #rrggbb}. */
        String hex() {
            return String.format("#%06x", rgb);
        }
    }

    /** A line style; {@code dash} lists on/off lengths in pixels, or is null for a solid line. */
    record Stroke(Rgb color, double width, double[] dash) {
        static Stroke solid(Rgb color, double width) {
            return new Stroke(color, width, null);
        }
    }

    /** A font: size in pixels, weight, colour. The family is a sans-serif one in every format. */
    record TextStyle(double size, boolean bold, Rgb color) {}

    /** Where the anchor point lies along the text, horizontally. */
    enum Align { START, MIDDLE, END }

    /**
     * Where the anchor point lies on the text, vertically: on the baseline, at half the cap height,
     * at the top of the capitals, or at the bottom of the descenders. The offsets are fixed fractions
     * of the font size, so both formats place text alike.
     */
    enum Baseline {
        BASELINE(0), CENTER(0.36), TOP(0.73), BOTTOM(-0.24);

        /** How far the baseline lies below the anchor point, in font sizes. */
        final double shift;

        Baseline(double shift) {
            this.shift = shift;
        }
    }

    void line(double x1, double y1, double x2, double y2, Stroke stroke);

    /** An open path through the points. */
    void polyline(double[] xs, double[] ys, Stroke stroke);

    /** A closed shape; fill or stroke may be null. */
    void polygon(double[] xs, double[] ys, Rgb fill, Stroke stroke);

    /** A rectangle with its top-left corner at (x, y); fill or stroke may be null. */
    void rect(double x, double y, double width, double height, Rgb fill, Stroke stroke);

    /** A circle; fill or stroke may be null. */
    void circle(double cx, double cy, double r, Rgb fill, Stroke stroke);

    /** Text anchored at (x, y), turned by {@code rotation} degrees (clockwise) about that point. */
    void text(String text, double x, double y, TextStyle style, Align align, Baseline baseline, double rotation);

    /** Starts a named group of elements (an SVG {@code <g class="...">}; nothing in a raster). */
    void beginGroup(String name);

    void endGroup();

    /**
     * Shifts the origin of what follows by (dx, dy) pixels, until the matching {@link #endTranslate()}:
     * several plots drawn side by side on one canvas.
     */
    void beginTranslate(double dx, double dy);

    void endTranslate();

    /** Clips what follows to a rectangle, until the matching {@link #endClip()}. */
    void beginClip(double x, double y, double width, double height);

    void endClip();
}
