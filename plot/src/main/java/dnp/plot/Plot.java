package dnp.plot;

import dnp.sweep.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A two-dimensional scientific plot: series of points with optional vertical error bars, dashed
 * reference lines, linear or log axes, a legend, a title and a note. It renders to SVG and PNG
 * from the same drawing code, so both show the same picture.
 *
 * <p>Points whose coordinates are NaN or infinite, or not positive on a log axis, are skipped; a
 * line through a series breaks there. Axis ranges cover every drawn point with its error bar and
 * every reference line, plus 5 % padding.
 *
 * <pre>{@code
 * new Plot("Nuclear polarization", "hopping t (2π·MHz)", "P_n")
 *         .logX(true)
 *         .series("L = 12", t, mean, error, Plot.Style.LINE_MARKERS)
 *         .verticalLine(tc, "t_c")
 *         .write(Path.of("polarization"));
 * }</pre>
 */
public final class Plot {

    static {
        // Rendering needs fonts and images only, never a display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** How a series is drawn: joined by a line, as markers, or both. */
    public enum Style {
        LINE, MARKERS, LINE_MARKERS;

        boolean hasLine() {
            return this != MARKERS;
        }

        boolean hasMarkers() {
            return this != LINE;
        }
    }

    /** The Okabe–Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final Canvas.Rgb[] PALETTE = {
            new Canvas.Rgb(0x0072b2), // blue
            new Canvas.Rgb(0xd55e00), // vermillion
            new Canvas.Rgb(0x009e73), // bluish green
            new Canvas.Rgb(0xe69f00), // orange
            new Canvas.Rgb(0xcc79a7), // reddish purple
            new Canvas.Rgb(0x56b4e9), // sky blue
            new Canvas.Rgb(0x000000), // black
            new Canvas.Rgb(0xf0e442), // yellow, last: it is faint on white
    };

    /** The size {@link #write} renders at. */
    static final int WIDTH = 900;
    static final int HEIGHT = 600;

    /** One data series; {@code yError} is null or holds half-lengths of the error bars. */
    record Series(String name, double[] x, double[] y, double[] yError, Style style, Canvas.Rgb color,
                  Marker marker) {}

    /** A dashed reference line at x (vertical) or y (horizontal). */
    record ReferenceLine(boolean vertical, double at, String label) {}

    final String title;
    final String xLabel;
    final String yLabel;
    boolean logX;
    boolean logY;
    String note = "";
    final List<Series> series = new ArrayList<>();
    final List<ReferenceLine> referenceLines = new ArrayList<>();

    /** A plot with the given title and axis labels (with units); null reads as empty. */
    public Plot(String title, String xLabel, String yLabel) {
        this.title = Objects.requireNonNullElse(title, "");
        this.xLabel = Objects.requireNonNullElse(xLabel, "");
        this.yLabel = Objects.requireNonNullElse(yLabel, "");
    }

    /** Makes the x axis logarithmic (base 10); points with x ≤ 0 are then skipped. */
    public Plot logX(boolean on) {
        logX = on;
        return this;
    }

    /** Makes the y axis logarithmic (base 10); points with y ≤ 0 are then skipped. */
    public Plot logY(boolean on) {
        logY = on;
        return this;
    }

    /**
     * Adds a series. Colours and marker shapes are assigned in the order series are added. Error
     * bars span y ± yError; an error that is NaN, infinite or not positive draws no bar. A series
     * with an empty name stays out of the legend. The arrays are copied.
     *
     * @param yError null, or the half-length of each point's error bar
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Plot series(String name, double[] x, double[] y, double[] yError, Style style) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length || (yError != null && yError.length != y.length)) {
            throw new IllegalArgumentException("series '" + name + "': x, y and yError differ in length ("
                    + x.length + ", " + y.length + (yError == null ? "" : ", " + yError.length) + ")");
        }
        int i = series.size();
        series.add(new Series(name, x.clone(), y.clone(), yError == null ? null : yError.clone(), style,
                PALETTE[i % PALETTE.length], Marker.values()[i % Marker.values().length]));
        return this;
    }

    /** Adds a dashed vertical line at x, labelled near the top of the plot (e.g. "t_c"). */
    public Plot verticalLine(double x, String label) {
        referenceLines.add(new ReferenceLine(true, x, Objects.requireNonNullElse(label, "")));
        return this;
    }

    /** Adds a dashed horizontal line at y, labelled at its right end (e.g. "Poisson 0.386"). */
    public Plot horizontalLine(double y, String label) {
        referenceLines.add(new ReferenceLine(false, y, Objects.requireNonNullElse(label, "")));
        return this;
    }

    /** Sets a line of small text under the title (e.g. "convention: si"); null or empty removes it. */
    public Plot note(String text) {
        note = Objects.requireNonNullElse(text, "");
        return this;
    }

    /** The plot as an SVG document of the given size in pixels. */
    public String toSvg(int width, int height) {
        checkSize(width, height);
        SvgCanvas canvas = new SvgCanvas(width, height, title);
        new Renderer(this, canvas, width, height).draw();
        return canvas.finish();
    }

    /** The plot as a PNG image of the given size in pixels. */
    public byte[] toPng(int width, int height) {
        checkSize(width, height);
        Java2dCanvas canvas = new Java2dCanvas(width, height);
        new Renderer(this, canvas, width, height).draw();
        return canvas.finishPng();
    }

    /**
     * Writes {@code base + ".svg"} and {@code base + ".png"}, 900 × 600 pixels, creating missing
     * directories. Each file is replaced whole, never left half written.
     */
    public void write(Path base) throws IOException {
        Path name = Objects.requireNonNull(base.getFileName(), "base has no file name");
        Path svg = base.resolveSibling(name + ".svg");
        Path png = base.resolveSibling(name + ".png");
        AtomicFiles.write(svg, toSvg(WIDTH, HEIGHT).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(png, toPng(WIDTH, HEIGHT));
    }

    /**
     * Several plots side by side, each {@code width} × {@code height} pixels, as one SVG document
     * (titled by the panels' titles joined by " | ").
     */
    public static String toSvgRow(List<Plot> panels, int width, int height) {
        checkSize(width, height);
        checkPanels(panels);
        SvgCanvas canvas = new SvgCanvas(width * panels.size(), height,
                String.join(" | ", panels.stream().map(p -> p.title).toList()));
        drawRow(panels, canvas, width, height);
        return canvas.finish();
    }

    /** Several plots side by side, each {@code width} × {@code height} pixels, as one PNG image. */
    public static byte[] toPngRow(List<Plot> panels, int width, int height) {
        checkSize(width, height);
        checkPanels(panels);
        Java2dCanvas canvas = new Java2dCanvas(width * panels.size(), height);
        drawRow(panels, canvas, width, height);
        return canvas.finishPng();
    }

    /**
     * Writes {@code base + ".svg"} and {@code base + ".png"}: the panels side by side, each 900 × 600
     * pixels as in {@link #write}. Each file is replaced whole.
     */
    public static void writeRow(Path base, List<Plot> panels) throws IOException {
        Path name = Objects.requireNonNull(base.getFileName(), "base has no file name");
        AtomicFiles.write(base.resolveSibling(name + ".svg"),
                toSvgRow(panels, WIDTH, HEIGHT).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(base.resolveSibling(name + ".png"), toPngRow(panels, WIDTH, HEIGHT));
    }

    private static void drawRow(List<Plot> panels, Canvas canvas, int width, int height) {
        for (int i = 0; i < panels.size(); i++) {
            canvas.beginTranslate((double) i * width, 0);
            new Renderer(panels.get(i), canvas, width, height).draw();
            canvas.endTranslate();
        }
    }

    private static void checkPanels(List<Plot> panels) {
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("a row needs at least one plot");
        }
    }

    private static void checkSize(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + " × " + height);
        }
    }
}
